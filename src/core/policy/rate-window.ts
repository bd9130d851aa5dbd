export interface WindowLimit {
  count: number
  windowMs: number
  /** Paces requests evenly; without it a long window could be spent in one burst and then block for most of an hour. */
  minSpacingMs?: number
}

export interface RateWindow {
  /** Records a request now if the window has room. */
  tryTake(now: number): boolean
  /** 0 when a request may go now; otherwise how long until one may. */
  msUntilAvailable(now: number): number
  /** After a 429: nothing goes before `until`, whatever the count says. */
  blockUntil(until: number): void
  /** The time set by the latest blockUntil (0: never blocked). */
  readonly blockedUntil: number
  /** The next `count` requests need no spacing (a catch-up after an outage); the window's count still holds. */
  allowBurst(count: number): void
  takenInWindow(now: number): number
  /** When the requests still in the window were sent, to carry the budget across a restart. */
  takenTimes(now: number): number[]
}

/** A sliding-window log: exact for the counts this app deals with (at most a few hundred per window). */
export function createRateWindow(limit: WindowLimit, previouslyTaken: readonly number[] = []): RateWindow {
  const taken: number[] = [...previouslyTaken].sort((a, b) => a - b)
  let blockedUntil = 0
  let burstLeft = 0

  function prune(now: number): void {
    while (taken.length > 0 && taken[0]! <= now - limit.windowMs) taken.shift()
  }

  return {
    tryTake(now) {
      if (this.msUntilAvailable(now) > 0) return false
      taken.push(now)
      burstLeft = Math.max(0, burstLeft - 1)
      return true
    },
    msUntilAvailable(now) {
      prune(now)
      const blocked = Math.max(0, blockedUntil - now)
      if (limit.count <= 0) return Math.max(blocked, limit.windowMs)
      const full = taken.length >= limit.count ? taken[taken.length - limit.count]! + limit.windowMs - now : 0
      const last = taken[taken.length - 1]
      const spacing = limit.minSpacingMs && last !== undefined && burstLeft === 0 ? last + limit.minSpacingMs - now : 0
      return Math.max(blocked, full, spacing)
    },
    blockUntil(until) {
      blockedUntil = Math.max(blockedUntil, until)
    },
    get blockedUntil() {
      return blockedUntil
    },
    allowBurst(count) {
      burstLeft = Math.max(0, Math.floor(count))
    },
    takenInWindow(now) {
      prune(now)
      return taken.length
    },
    takenTimes(now) {
      prune(now)
      return taken.slice()
    },
  }
}
