import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { localMinutesOfDay, longestTimerMs, systemClock } from './clock'

beforeEach(() => vi.useFakeTimers({ now: 0 }))
afterEach(() => vi.useRealTimers())

describe('the system clock', () => {
  it('fires a timer of the longest delay Node can keep, and not a millisecond sooner', () => {
    const fired = vi.fn()
    systemClock.setTimeout(fired, longestTimerMs)
    vi.advanceTimersByTime(longestTimerMs - 1)
    expect(fired).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fired).toHaveBeenCalledOnce()
  })

  it.each([longestTimerMs + 1, 99_999_999_999_000, Infinity, NaN])('refuses a %d ms timer instead of firing it at once', (ms) => {
    const fired = vi.fn()
    expect(() => systemClock.setTimeout(fired, ms)).toThrow(RangeError)
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(10)
    expect(fired).not.toHaveBeenCalled()
  })

  it('runs a timer with a negative delay at once, and a cancelled one never', () => {
    const early = vi.fn()
    const cancelled = vi.fn()
    systemClock.setTimeout(early, -5)
    systemClock.setTimeout(cancelled, 5)()
    vi.advanceTimersByTime(10)
    expect(early).toHaveBeenCalledOnce()
    expect(cancelled).not.toHaveBeenCalled()
  })
})

describe('local time of day', () => {
  it('reads minutes since local midnight from an epoch time, in the machine’s time zone', () => {
    expect(localMinutesOfDay(new Date(2026, 0, 5, 22, 41).getTime())).toBe(22 * 60 + 41)
    expect(localMinutesOfDay(new Date(2026, 6, 5, 0, 3).getTime())).toBe(3)
  })
})
