import type { WindowLimit } from './rate-window'

/** Veridox's documented limits per API key (docs/veridox-api.md §6.1). Each can be configured. */
export interface VeridoxLimits {
  streamsPerKey: number
  pollsPerHour: number
  listPerMin: number
  getPerMin: number
  createPerMin: number
}

export const documentedLimits: VeridoxLimits = {
  streamsPerKey: 10,
  pollsPerHour: 600,
  listPerMin: 30,
  getPerMin: 60,
  createPerMin: 10,
}

export type RequestKind = 'list' | 'get' | 'poll' | 'create'

/**
 * The windows the app itself keeps to. A margin below each limit absorbs the difference between when
 * the app sends a request and when Veridox counts it, so a sliding window here never overruns Veridox's.
 */
export function requestWindows(limits: VeridoxLimits, margin = 0.1): Record<RequestKind, WindowLimit> {
  const within = (count: number): number => Math.max(1, Math.floor(count * (1 - margin)))
  return {
    // Listing drives completion detection for every case without a stream: paced, so a burst of
    // sweeps can never leave the rest of the minute without one (docs/reliability.md, the bound).
    list: { count: within(limits.listPerMin), windowMs: 60_000, minSpacingMs: Math.ceil(60_000 / within(limits.listPerMin)) },
    get: { count: within(limits.getPerMin), windowMs: 60_000 },
    poll: { count: within(limits.pollsPerHour), windowMs: 3_600_000, minSpacingMs: Math.ceil(3_600_000 / within(limits.pollsPerHour)) },
    create: { count: within(limits.createPerMin), windowMs: 60_000 },
  }
}
