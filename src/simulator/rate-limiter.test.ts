import { describe, expect, it } from 'vitest'
import { defaultRateLimits } from './options'
import { createRateLimiter } from './rate-limiter'

describe('createRateLimiter', () => {
  it('refuses past the limit within a sliding window and says when a slot frees', () => {
    let now = 0
    const limiter = createRateLimiter({ ...defaultRateLimits, listPerMin: 2 }, () => now)
    expect(limiter.take('k', 'list').ok).toBe(true)
    now = 20_000
    expect(limiter.take('k', 'list').ok).toBe(true)
    now = 30_000
    expect(limiter.take('k', 'list')).toEqual({ ok: false, retryAfterSeconds: 30 })
    expect(limiter.take('other', 'list').ok).toBe(true)
    now = 60_000
    expect(limiter.take('k', 'list').ok).toBe(true)
    expect(limiter.take('k', 'list')).toEqual({ ok: false, retryAfterSeconds: 20 })
  })

  it('counts polls per hour', () => {
    let now = 0
    const limiter = createRateLimiter({ ...defaultRateLimits, pollsPerHour: 1 }, () => now)
    expect(limiter.take('k', 'poll').ok).toBe(true)
    now = 1000
    expect(limiter.take('k', 'poll')).toEqual({ ok: false, retryAfterSeconds: 3599 })
  })

  it('frees a stream slot once, when released', () => {
    const limiter = createRateLimiter({ ...defaultRateLimits, streamsPerKey: 1 })
    const first = limiter.openStream('k')
    expect(first.ok).toBe(true)
    expect(limiter.openStream('k').ok).toBe(false)
    if (first.ok) {
      first.release()
      first.release()
    }
    expect(limiter.openStream('k').ok).toBe(true)
    expect(limiter.openStream('k').ok).toBe(false)
  })

  it('allows everything when limits are off', () => {
    const limiter = createRateLimiter(false)
    for (let i = 0; i < 100; i++) expect(limiter.take('k', 'create').ok && limiter.openStream('k').ok).toBe(true)
  })
})
