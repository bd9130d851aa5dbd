import { listTier, snapshotTier, type PriorityTier, type SnapshotReason } from '../policy/request-priority'
import { checkIntervalMs, createSweepBackoff } from '../policy/check-cadence'
import { analysisPhase, isFollowed, type CaseFacts } from './case-record'
import type { FetcherDependencies, VeridoxAnswer } from './monitor-bus'
import { isAbort } from './monitor-tuning'

/** Which want wins when a case is wanted for two reasons: the one whose answer matters most. */
const precedence: readonly SnapshotReason[] = ['finalize', 'gap', 'settle', 'file-settled', 'added', 'check']
/** Keeps most of the GET budget free for completions and gaps, which matter more than routine checks. */
const maxRoutineChecksInFlight = 4

interface Want {
  reason: SnapshotReason
  /** Judged when the want arises: a case completing on its stream is in focus even after the stream is closed. */
  tier: PriorityTier
  at: number
  serial: number
}

interface ReconcilerDependencies extends FetcherDependencies {
  isStreamLive(caseId: string): boolean
  isStreamed(caseId: string): boolean
}

/**
 * Keeps cases without a live stream fresh within the rate budget: paged listings (100 cases a
 * request) for the newest cases, GET /cases/{id} for the rest and for snapshots after gaps and at
 * completion. Owns what it wants to fetch and what it has learnt about where each case lists.
 */
export function createReconciler(deps: ReconcilerDependencies) {
  const { clock, tuning, scheduler, records, bus } = deps
  const wants = new Map<string, Want>()
  const inFlight = new Map<string, number>()
  /** Found by the last list sweep; a case not found there is checked with GET /cases/{id}. */
  const located = new Set<string>()
  const swept = new Set<string>()
  let isSweeping = false
  let nextSweepAt = 0
  let serial = 0
  const unknownPace = createSweepBackoff(tuning)

  const focusOf = (facts: CaseFacts) => ({
    isPinned: facts.isPinned,
    isVisible: facts.isVisible,
    isStreamed: deps.isStreamed(facts.caseId),
  })
  const isDue = (facts: CaseFacts, now: number): boolean =>
    isFollowed(facts) &&
    !deps.isStreamLive(facts.caseId) &&
    now - facts.lastFreshAt >=
      checkIntervalMs(
        { phase: analysisPhase(facts), isPinned: facts.isPinned, isVisible: facts.isVisible },
        tuning,
        unknownPace.intervalMs(),
      )

  function requestSnapshot(caseId: string, reason: SnapshotReason, at: number): void {
    const existing = wants.get(caseId)
    if (existing && precedence.indexOf(existing.reason) <= precedence.indexOf(reason)) {
      existing.at = Math.min(existing.at, at)
      return
    }
    const facts = records.get(caseId)
    if (!facts) return
    const want = { reason, tier: snapshotTier(reason, focusOf(facts)), at, serial: ++serial }
    wants.set(caseId, want)
    if (inFlight.has(caseId)) scheduler.raisePriority('get', `get:${caseId}`, want.tier)
  }

  function fetchSnapshot(caseId: string, want: Want): void {
    inFlight.set(caseId, want.serial)
    // Wants are numbered as they arise; the answer satisfies every want numbered before it was sent.
    let newestWantWhenSent = Infinity
    const run = (signal: AbortSignal) => {
      newestWantWhenSent = serial
      return deps.client.getCase(caseId, signal)
    }
    scheduler
      .enqueue('get', { key: `get:${caseId}`, priority: want.tier, run })
      .then(
        (details) => {
          // A want that arose while it was on its way (a completion during a first look) stays wanted.
          const current = wants.get(caseId)
          if (current && current.serial <= newestWantWhenSent) wants.delete(caseId)
          bus.emit('answered', { kind: 'snapshot', caseId, details })
        },
        (error: unknown) => {
          if (isAbort(error)) return
          const current = wants.get(caseId)
          if (current?.reason === 'check') wants.delete(caseId)
          else if (current) current.at = clock.now() + tuning.snapshotRetryMs
          bus.emit('answered', { kind: 'failed', caseId, error })
        },
      )
      .finally(() => inFlight.delete(caseId))
  }

  function pass(): void {
    const now = clock.now()
    let routineInFlight = [...inFlight.keys()].filter((caseId) => wants.get(caseId)?.reason === 'check').length
    let isSweepDue = false
    for (const facts of records.values()) {
      const { caseId } = facts
      // A completion announced without its outcomes (its finalize snapshot still wanted) now settles.
      const reason = wants.get(caseId)?.reason
      const isSettling = facts.terminal === 'completed' && (reason === 'settle' || reason === 'finalize')
      if (!isFollowed(facts) && !isSettling) {
        if (facts.terminal) wants.delete(caseId)
        continue
      }
      if (isDue(facts, now) && (located.has(caseId) || !swept.has(caseId))) isSweepDue = true
      if (inFlight.has(caseId)) continue
      if (swept.has(caseId) && !located.has(caseId) && !wants.has(caseId) && isDue(facts, now)) {
        if (routineInFlight >= maxRoutineChecksInFlight) continue
        wants.set(caseId, { reason: 'check', tier: snapshotTier('check', focusOf(facts)), at: now, serial: ++serial })
        routineInFlight++
      }
      const want = wants.get(caseId)
      if (want && want.at <= now) fetchSnapshot(caseId, want)
    }
    if (isSweepDue && !isSweeping && now >= nextSweepAt) void sweep()
  }

  async function sweep(): Promise<void> {
    isSweeping = true
    const now = clock.now()
    const wanted = new Set(
      [...records.values()].filter((f) => isFollowed(f) && (isDue(f, now) || !swept.has(f.caseId))).map((f) => f.caseId),
    )
    const seen = new Set<string>()
    let sawChange = false
    try {
      for (let page = 0; page < tuning.maxSweepPages && [...wanted].some((id) => !seen.has(id)); page++) {
        const offset = page * tuning.listPageSize
        const list = await scheduler.enqueue('list', {
          key: `list:${offset}`,
          priority: listTier,
          run: (signal) => deps.client.listCases({ limit: tuning.listPageSize, offset }, signal),
        })
        for (const item of list.cases) {
          const caseId = item.case_id.toLowerCase()
          if (!records.has(caseId)) continue
          seen.add(caseId)
          located.add(caseId)
          swept.add(caseId)
          const wasComplete = records.get(caseId)!.state.isComplete
          bus.emit('answered', { kind: 'list-item', caseId, item })
          if (!wasComplete && records.get(caseId)?.state.isComplete) sawChange = true
        }
        if (list.cases.length < tuning.listPageSize) break
      }
      for (const caseId of wanted) {
        if (seen.has(caseId) || !records.has(caseId)) continue
        located.delete(caseId)
        swept.add(caseId)
      }
      nextSweepAt = 0
      unknownPace.noteSweep({ sawChange })
    } catch (error) {
      if (isAbort(error)) return
      nextSweepAt = clock.now() + tuning.snapshotRetryMs
      bus.emit('answered', { kind: 'failed', caseId: null, error })
    } finally {
      isSweeping = false
    }
  }

  return {
    requestSnapshot,
    pass,
    forget(caseId: string): void {
      wants.delete(caseId)
      located.delete(caseId)
      swept.delete(caseId)
    },
    wantedReason: (caseId: string): SnapshotReason | null => wants.get(caseId)?.reason ?? null,
    /** Progress anywhere on the key: cases not looked at yet may be progressing too. */
    noteAnswer(answer: VeridoxAnswer): void {
      const isProgress =
        (answer.kind === 'stream-message' && answer.message.kind === 'event') ||
        (answer.kind === 'poll-page' && answer.page.messages.some((message) => message.kind === 'event'))
      if (isProgress) unknownPace.noteActivity()
    },
  }
}
