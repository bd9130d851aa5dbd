import type { Clock } from './clock'

export interface RepeatingTask {
  /** Run now (coalesced), then keep the usual rhythm. */
  kick(): void
  dispose(): void
}

/** Runs `run` every `intervalMs` for as long as it returns true; `kick` restarts a stopped rhythm. */
export function createRepeatingTask(clock: Clock, intervalMs: number, run: () => boolean): RepeatingTask {
  let cancel: (() => void) | null = null
  const schedule = (ms: number): void => {
    cancel ??= clock.setTimeout(() => {
      cancel = null
      if (run()) schedule(intervalMs)
    }, ms)
  }
  return {
    kick() {
      cancel?.()
      cancel = null
      schedule(0)
    },
    dispose() {
      cancel?.()
      cancel = null
    },
  }
}
