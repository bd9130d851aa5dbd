import { defaultOutageTuning, type OutageTuning } from '../policy/outage-detector'
import { defaultProxyTuning, type ProxyTuning } from '../policy/proxy-evidence'
import { defaultStreamTuning, type StreamTuning } from './stream-session'

export interface MonitorTuning {
  stream: StreamTuning
  outage: OutageTuning
  proxy: ProxyTuning
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
  /** How long a completion waits for the final risk scores before it is announced without them. */
  finalizeTimeoutMs: number
  /** After the network returns, reconnections are spread over this much time (10 streams at most: about one per 100 ms). */
  reconnectSpreadMs: number
  snapshotRetryMs: number
  /** The rhythm of the pass that decides what runs next, when nothing asks for one sooner. */
  passIntervalMs: number
  /** How often a case whose files all wait for upload, pinned by nobody and off screen, is checked (policy/check-cadence.ts). */
  quietCheckIntervalMs: number
}

export const defaultMonitorTuning: MonitorTuning = {
  stream: defaultStreamTuning,
  outage: defaultOutageTuning,
  proxy: defaultProxyTuning,
  sweepIntervalMs: 10_000,
  maxSweepPages: 10,
  listPageSize: 100,
  pollIntervalMs: 5_000,
  pollFallbackMs: 120_000,
  pollFallbackMaxMs: 900_000,
  finalizeTimeoutMs: 15_000,
  reconnectSpreadMs: 1_000,
  snapshotRetryMs: 5_000,
  passIntervalMs: 500,
  // 500 such cases are 5 list pages: one sweep of them every 5 minutes is 1 of the 30 list requests a minute.
  quietCheckIntervalMs: 300_000,
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}
