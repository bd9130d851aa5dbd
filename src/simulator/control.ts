import { caseDetailsJson } from './case-json'
import type { CaseFactory, CreateCaseInput } from './case-factory'
import { beginAnalysis, uploadAll } from './case-lifecycle'
import type { SimulatorContext } from './context'
import type { Fault, FaultPlan } from './faults/fault-types'
import type { SimulatorStats } from './stats'

export interface SimulatorControl {
  createCase(input?: CreateCaseInput): { caseId: string; fileIds: string[] }
  /** The same JSON GET /cases/{id} returns, whoever owns the case; null when there is no such case. */
  caseDetails(caseId: string): unknown | null
  /** Fast-forward: every remaining event happens now (files not yet uploaded are uploaded first). */
  completeCaseNow(caseId: string): void
  /** Open streams of the key end at once (without stream_closed); then 401 everywhere. */
  revokeKey(apiKey: string): void
  /** Adds a key, or re-activates a revoked one. */
  addKey(apiKey: string): void
  /** A dashboard user's session token (JWT-shaped) acting for the key's organisation; the default key when none is named. */
  issueAccessToken(forApiKey?: string): string
  /** The token expired or was revoked: 401 for new requests (an open stream is left to end on its own). */
  revokeAccessToken(token: string): void
  /** Every open stream ends at once, without stream_closed: the network cable was pulled. */
  dropAllStreams(): void
  /** 404 from then on; open streams of the case end at once (without stream_closed). */
  deleteCase(caseId: string): void
  /** Replaces the active faults; each starts its count and duration now. */
  setFaults(faults: FaultPlan): void
  /** Adds faults next to the active ones. */
  addFaults(faults: FaultPlan): void
  clearFaults(): void
  /** The active faults, with what is left of their counts. */
  activeFaults(): Fault[]
  stats(): SimulatorStats
}

export function createSimulatorControl(ctx: SimulatorContext, createSimCase: CaseFactory): SimulatorControl {
  return {
    createCase(input = {}) {
      const c = createSimCase(input)
      return { caseId: c.id, fileIds: c.files.map((f) => f.id) }
    },
    caseDetails(caseId) {
      const c = ctx.store.get(caseId)
      return c ? caseDetailsJson(c, ctx.keys.lookup(c.ownerKey)) : null
    },
    completeCaseNow(caseId) {
      const c = ctx.store.get(caseId)
      if (!c || c.files.length === 0) return
      uploadAll(ctx, c)
      beginAnalysis(ctx, c, ctx.now())
      ctx.ticker.completeNow(c)
    },
    revokeKey(apiKey) {
      ctx.keys.revoke(apiKey)
      ctx.streams.endForKey(apiKey)
      ctx.options.log(`simulator: key revoked`)
    },
    dropAllStreams: () => ctx.streams.endAll(),
    addKey(apiKey) {
      ctx.keys.add(apiKey)
    },
    issueAccessToken: (forApiKey) => ctx.keys.issueToken(forApiKey ?? ctx.keys.defaultKey()),
    revokeAccessToken(token) {
      if (ctx.keys.revokeToken(token)) ctx.options.log(`simulator: access token revoked`)
    },
    deleteCase(caseId) {
      if (ctx.store.delete(caseId)) ctx.options.log(`simulator: case ${caseId} deleted`)
    },
    setFaults: (plan) => ctx.faults.set(plan.faults),
    addFaults: (plan) => ctx.faults.add(plan.faults),
    clearFaults: () => ctx.faults.clear(),
    activeFaults: () => ctx.faults.list(),
    stats() {
      let completed = 0
      for (const c of ctx.store.all()) if (c.completedAt !== null) completed++
      return ctx.stats.snapshot({ total: ctx.store.size(), analysing: ctx.ticker.activeCount(), completed })
    },
  }
}
