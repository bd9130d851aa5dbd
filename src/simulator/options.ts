import { defaultRiskWeights, type AnalysisProfile } from './analysis-plan'
import type { StoredEvent } from './case-model'
import type { Scenario } from './scenario'

export interface RateLimits {
  streamsPerKey: number
  pollsPerHour: number
  listPerMin: number
  getPerMin: number
  createPerMin: number
}

// docs/veridox-api.md §6.1.
export const defaultRateLimits: RateLimits = { streamsPerKey: 10, pollsPerHour: 600, listPerMin: 30, getPerMin: 60, createPerMin: 10 }

/** `named`: `event: <type>` lines; `data-only`: the type only inside the JSON. Veridox does not document which it uses. */
export type SseFraming = 'named' | 'data-only'

/** Many long-running cases that together emit about `eventsPerSecond`, for benchmarks. */
export interface LoadOptions {
  cases: number
  eventsPerSecond?: number
  /** How long each load case keeps emitting. Default 120000. */
  durationMs?: number
  filesPerCase?: number
}

export interface SimulatorOptions {
  host?: string
  port?: number
  apiKeys?: string[]
  seed?: number
  analysisMs?: number
  heartbeatMs?: number
  retryMs?: number
  limits?: Partial<RateLimits> | false
  demoCases?: number
  control?: boolean
  scenario?: Scenario
  framing?: SseFraming
  load?: LoadOptions
  log?: (line: string) => void
  /** Called as a progress stream sends an event (or queues it behind a simulated stall): benchmarks time what follows. */
  onEventSent?: (caseId: string, event: StoredEvent) => void
}

export interface ResolvedOptions {
  host: string
  port: number
  apiKeys: string[]
  seed: number
  heartbeatMs: number
  retryMs: number
  limits: RateLimits | false
  demoCases: number
  control: boolean
  scenario: Scenario | null
  framing: SseFraming
  load: Required<LoadOptions> | null
  profile: AnalysisProfile
  log: (line: string) => void
  onEventSent: ((caseId: string, event: StoredEvent) => void) | null
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const scenario = options.scenario ?? null
  const analysisMs = options.analysisMs ?? 20_000
  const load = options.load
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    apiKeys: options.apiKeys && options.apiKeys.length > 0 ? [...options.apiKeys] : ['vdx_simulator'],
    seed: options.seed ?? 1,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    retryMs: options.retryMs ?? 3000,
    limits: options.limits === false ? false : { ...defaultRateLimits, ...options.limits },
    demoCases: options.demoCases ?? 0,
    control: options.control ?? false,
    scenario,
    framing: options.framing ?? scenario?.framing ?? 'named',
    load: load ? { eventsPerSecond: 5000, durationMs: 120_000, filesPerCase: 6, ...load } : null,
    profile: {
      meanMs: analysisMs,
      durationRangeMs: scenario?.fileDurationMs ?? null,
      failureRate: scenario?.failureRate ?? 0.1,
      riskWeights: scenario?.riskMix ?? defaultRiskWeights,
      stepsPerStage: 2,
      filesPerCase: scenario?.filesPerCase ?? { min: 1, max: 4 },
    },
    log: options.log ?? (() => {}),
    onEventSent: options.onEventSent ?? null,
  }
}
