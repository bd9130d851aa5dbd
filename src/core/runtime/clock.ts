/** Time, timers and chance as parameters, so policy can be tested with fake timers and seeded jitter. */
export interface Clock {
  now(): number
  /** Returns a function that cancels the timer. */
  setTimeout(callback: () => void, ms: number): () => void
  random(): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
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
