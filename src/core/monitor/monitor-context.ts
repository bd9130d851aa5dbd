import type { RequestScheduler } from '../policy/request-scheduler'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { PollPage, VeridoxClient } from '../veridox/veridox-client'
import type { CaseDetails, CaseListItem } from '../veridox/wire-schemas'
import { defaultStreamTuning, type StreamTuning } from './stream-session'
import type { TrackedCase } from './tracked-case'

export interface MonitorTuning {
  stream: StreamTuning
  /** How often a case without a live stream is checked, at most. */
  sweepIntervalMs: number
  /** List pages (of listPageSize, newest first) a sweep reads before checking the rest one by one. */
  maxSweepPages: number
  listPageSize: number
  /** The docs suggest polling every 2–5 s; the hourly budget usually makes it slower. */
  pollIntervalMs: number
  /** How long a case whose stream kept failing is polled before its stream is tried again (doubles). */
  pollFallbackMs: number
  pollFallbackMaxMs: number
  /** After a proxy blocked streams, how long before they are tried again. */
  streamsBlockedRetryMs: number
  /** How long a completion waits for the final risk scores before it is announced without them. */
  finalizeTimeoutMs: number
  /** After the network returns, reconnections are spread over this much time. */
  reconnectSpreadMs: number
  snapshotRetryMs: number
}

export const defaultMonitorTuning: MonitorTuning = {
  stream: defaultStreamTuning,
  sweepIntervalMs: 10_000,
  maxSweepPages: 10,
  listPageSize: 100,
  pollIntervalMs: 5_000,
  pollFallbackMs: 120_000,
  pollFallbackMaxMs: 900_000,
  streamsBlockedRetryMs: 300_000,
  finalizeTimeoutMs: 15_000,
  reconnectSpreadMs: 3_000,
  snapshotRetryMs: 5_000,
}

/** What the reconciler and poller need from the monitor that owns them. */
export interface MonitorContext {
  readonly cases: ReadonlyMap<string, TrackedCase>
  readonly client: VeridoxClient
  readonly scheduler: RequestScheduler
  readonly clock: Clock
  readonly log: Log
  readonly tuning: MonitorTuning
  /** False while offline, asleep, stopped, or after the key was rejected. */
  isRunning(): boolean
  isPolled(tracked: TrackedCase): boolean
  onSnapshot(tracked: TrackedCase, details: CaseDetails): void
  onListItem(tracked: TrackedCase, item: CaseListItem): void
  onPollPage(tracked: TrackedCase, page: PollPage): void
  onRequestError(tracked: TrackedCase | null, error: unknown): void
}

export const isFollowed = (tracked: TrackedCase): boolean => tracked.terminal === null

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}
