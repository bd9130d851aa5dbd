import type { AnalysisTicker } from './analysis-ticker'
import type { CaseStore } from './case-store'
import type { FaultEngine } from './faults/fault-engine'
import type { KeyRegistry } from './key-registry'
import type { ResolvedOptions } from './options'
import type { RateLimiter } from './rate-limiter'
import type { StatsCollector } from './stats'
import type { StreamRegistry } from './stream-registry'
import type { IdGenerator } from './uuid-v7'

/** Everything a route handler may touch; built once per simulator by startSimulator. */
export interface SimulatorContext {
  options: ResolvedOptions
  baseUrl: () => string
  now: () => number
  nextId: IdGenerator
  store: CaseStore
  keys: KeyRegistry
  limiter: RateLimiter
  faults: FaultEngine
  stats: StatsCollector
  ticker: AnalysisTicker
  streams: StreamRegistry
}
