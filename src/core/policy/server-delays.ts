/**
 * The longest wait the app accepts from the server, per kind of hint. A number from the wire can be
 * anything: without a ceiling, `Retry-After: 99999999999` overflows `setTimeout` (which then fires after
 * 1 ms) or, below the overflow, stalls a case for years.
 */
export const serverDelayCeilingsMs = {
  // Veridox's longest documented rate window is one hour (600 polls per hour, docs/veridox-api.md §6.1):
  // no honest Retry-After asks for more; a skewed clock or a far-future HTTP date does.
  retryAfter: 60 * 60_000,
  // The SSE `retry:` field is not documented (§3.4); it only raises the reconnection floor, and 60 s is
  // the reconnection backoff's own cap, so a longer hint could never be honoured anyway.
  streamRetry: 60_000,
} as const

export type ServerDelayKind = keyof typeof serverDelayCeilingsMs

/** A server-given delay in milliseconds, made safe to wait for: 0 for nonsense, never above its ceiling. */
export function clampServerDelay(ms: number, kind: ServerDelayKind): number {
  if (Number.isNaN(ms) || ms <= 0) return 0
  return Math.min(ms, serverDelayCeilingsMs[kind])
}
