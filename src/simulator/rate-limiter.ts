import type { RateLimits } from './options'

export type LimitedRoute = 'poll' | 'list' | 'get' | 'create'

const windows: Record<LimitedRoute, { limit: keyof RateLimits; windowMs: number }> = {
  poll: { limit: 'pollsPerHour', windowMs: 3600_000 },
  list: { limit: 'listPerMin', windowMs: 60_000 },
  get: { limit: 'getPerMin', windowMs: 60_000 },
  create: { limit: 'createPerMin', windowMs: 60_000 },
}

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number }
export type StreamSlot = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number }

// When a stream slot frees is unknowable, so a refused stream is told to retry after one second.
const STREAM_RETRY_AFTER_SECONDS = 1

/** Sliding windows per key and route; only accepted requests use up the window. */
export function createRateLimiter(limits: RateLimits | false, now: () => number = Date.now) {
  const accepted = new Map<string, number[]>()
  const openStreams = new Map<string, number>()

  return {
    take(key: string, route: LimitedRoute): LimitDecision {
      if (limits === false) return { ok: true }
      const { limit, windowMs } = windows[route]
      const at = now()
      const bucketKey = `${route}\u0000${key}`
      const times = accepted.get(bucketKey) ?? accepted.set(bucketKey, []).get(bucketKey)!
      let expired = 0
      while (expired < times.length && times[expired] <= at - windowMs) expired++
      if (expired > 0) times.splice(0, expired)
      if (times.length >= limits[limit]) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0] + windowMs - at) / 1000)) }
      }
      times.push(at)
      return { ok: true }
    },
    openStream(key: string): StreamSlot {
      const open = openStreams.get(key) ?? 0
      if (limits !== false && open >= limits.streamsPerKey) return { ok: false, retryAfterSeconds: STREAM_RETRY_AFTER_SECONDS }
      openStreams.set(key, open + 1)
      let isReleased = false
      return {
        ok: true,
        release: () => {
          if (isReleased) return
          isReleased = true
          openStreams.set(key, (openStreams.get(key) ?? 1) - 1)
        },
      }
    },
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>
