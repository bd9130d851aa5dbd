export interface BackoffPolicy {
  /** Never wait less than this; raised to the server's `retry:` when it sends one. */
  floorMs: number
  /** Never wait more than this. */
  capMs: number
  /** Share of the floor the first wait may add at random (0 when absent): the first waits of many are spread too. */
  firstAttemptSpread?: number
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * a random wait between the floor and floor·2^attempt, capped. Jitter spreads reconnects of many
 * cases after a shared outage instead of synchronising them.
 */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number,
  serverRetryAfterMs: number | null = null,
): number {
  const floor = Math.min(policy.floorMs, policy.capMs)
  const ceiling = Math.min(policy.capMs, floor * Math.max(1 + (policy.firstAttemptSpread ?? 0), 2 ** Math.max(0, attempt)))
  const jittered = floor + random() * (ceiling - floor)
  return Math.round(Math.max(jittered, serverRetryAfterMs ?? 0))
}
