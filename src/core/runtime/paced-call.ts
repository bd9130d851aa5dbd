import type { Clock } from './clock'

/**
 * Runs `run` at most once an interval however often it is requested: a request after a quiet spell runs at the end
 * of the current turn, later ones at the end of the interval, so the last request is always followed by a run.
 */
export function createPacedCall(clock: Clock, intervalMs: number, run: () => void) {
  let cancelTimer: (() => void) | null = null
  let lastRunAt = Number.NEGATIVE_INFINITY

  function runNow(): void {
    cancelTimer?.()
    cancelTimer = null
    lastRunAt = clock.now()
    run()
  }

  return {
    request(): void {
      cancelTimer ??= clock.setTimeout(runNow, Math.max(0, lastRunAt + intervalMs - clock.now()))
    },
    /** Runs now if a run is due, and counts as the interval's run. */
    runNow,
    isPending: (): boolean => cancelTimer !== null,
    cancel(): void {
      cancelTimer?.()
      cancelTimer = null
    },
  }
}
