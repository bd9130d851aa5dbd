/** Time, timers and chance as parameters, so policy can be tested with fake timers and seeded jitter. */
export interface Clock {
  now(): number
  /** Returns a function that cancels the timer. */
  setTimeout(callback: () => void, ms: number): () => void
  random(): number
}

/** Node fires a timer above this after 1 ms (with a TimeoutOverflowWarning) instead of never. */
export const longestTimerMs = 2 ** 31 - 1

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    // A delay Node would silently turn into 1 ms is a bug upstream (an unclamped number from the wire):
    // failing loudly beats reconnecting hundreds of times a second.
    if (!Number.isFinite(ms) || ms > longestTimerMs) throw new RangeError(`A timer of ${ms} ms cannot be set (at most ${longestTimerMs}).`)
    const timer = setTimeout(callback, Math.max(0, ms))
    return () => clearTimeout(timer)
  },
  random: () => Math.random(),
}

/** A small seeded generator (mulberry32) for reproducible jitter in tests and soak runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Minutes since local midnight, in the time zone of this machine (the analyst's day, for quiet hours). */
export function localMinutesOfDay(epochMs: number): number {
  const date = new Date(epochMs)
  return date.getHours() * 60 + date.getMinutes()
}
