import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAnalysisTicker } from './analysis-ticker'
import { createCaseFactory } from './case-factory'
import { createCaseStore } from './case-store'
import type { SimulatorContext } from './context'
import { createSimulatorControl, type SimulatorControl } from './control'
import { createControlHandler } from './control-routes'
import { createFaultEngine } from './faults/fault-engine'
import { createKeyRegistry } from './key-registry'
import { resolveOptions, type SimulatorOptions } from './options'
import { createPrng } from './prng'
import { createRateLimiter } from './rate-limiter'
import { createRequestHandler } from './request-handler'
import { runScenario } from './scenario-runner'
import { createDemoCases, createLoadCases } from './startup-cases'
import { createStatsCollector } from './stats'
import { createStreamRegistry } from './stream-registry'
import { createIdGenerator } from './uuid-v7'

export interface Simulator {
  /** e.g. 'http://127.0.0.1:41234', no trailing slash. */
  readonly baseUrl: string
  readonly control: SimulatorControl
  /** Ends open streams and the server promptly. */
  close(): Promise<void>
}

export async function startSimulator(options?: SimulatorOptions): Promise<Simulator> {
  const o = resolveOptions(options)
  const now = Date.now
  const stats = createStatsCollector(now)
  const nextId = createIdGenerator(createPrng(o.seed, 'ids'), now)
  let baseUrl = ''
  // Coarser ticks cost nothing in accuracy that matters: events are stamped with their planned time.
  const tickMs = o.load ? 20 : Math.min(50, Math.max(5, Math.round(o.profile.meanMs / 40)))
  const ctx: SimulatorContext = {
    options: o,
    baseUrl: () => baseUrl,
    now,
    nextId,
    keys: createKeyRegistry(o.apiKeys, nextId),
    store: createCaseStore({ seed: o.seed, profile: o.profile, nextId, now }),
    limiter: createRateLimiter(o.limits, now),
    faults: createFaultEngine({ seed: o.seed, now, onFired: stats.faultFired }),
    stats,
    ticker: createAnalysisTicker({ tickMs, now, onRecorded: stats.eventStored }),
    streams: createStreamRegistry(o.heartbeatMs),
  }
  const createSimCase = createCaseFactory(ctx, createPrng(o.seed, 'cases'))
  const control = createSimulatorControl(ctx, createSimCase)
  const server = createServer(createRequestHandler(ctx, o.control ? createControlHandler(control) : null))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port, o.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`

  createDemoCases(createSimCase, createPrng(o.seed, 'demo'), o.demoCases)
  if (o.load) createLoadCases(createSimCase, createPrng(o.seed, 'load'), o.load)
  const cancelScenario = o.scenario
    ? runScenario(o.scenario, { control, createSimCase, prng: createPrng(o.seed, 'scenario'), log: o.log })
    : () => {}

  let closing: Promise<void> | null = null
  return {
    baseUrl,
    control,
    close() {
      closing ??= new Promise<void>((resolve) => {
        cancelScenario()
        ctx.ticker.close()
        ctx.streams.endAll()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}
