import { describe, expect, it } from 'vitest'
import { requestWindows } from './limits'
import { createRateWindow } from './rate-window'

describe('createRateWindow', () => {
  it('allows count requests in any window and refuses the next', () => {
    const window = createRateWindow({ count: 3, windowMs: 60_000 })
    expect([0, 10, 20].map((t) => window.tryTake(t))).toEqual([true, true, true])
    expect(window.tryTake(30)).toBe(false)
    expect(window.msUntilAvailable(30)).toBe(59_970)
    expect(window.tryTake(60_000)).toBe(true)
  })

  it('slides: a request leaves the window exactly windowMs after it was taken', () => {
    const window = createRateWindow({ count: 2, windowMs: 1_000 })
    window.tryTake(0)
    window.tryTake(500)
    expect(window.tryTake(999)).toBe(false)
    expect(window.tryTake(1_000)).toBe(true)
    expect(window.tryTake(1_400)).toBe(false)
    expect(window.tryTake(1_500)).toBe(true)
  })

  it('paces requests when a minimum spacing is set', () => {
    const window = createRateWindow({ count: 100, windowMs: 3_600_000, minSpacingMs: 6_000 })
    expect(window.tryTake(0)).toBe(true)
    expect(window.msUntilAvailable(1_000)).toBe(5_000)
    expect(window.tryTake(5_999)).toBe(false)
    expect(window.tryTake(6_000)).toBe(true)
  })

  it('lets a granted burst skip the spacing, never the count, and then paces again', () => {
    const window = createRateWindow({ count: 4, windowMs: 60_000, minSpacingMs: 2_000 })
    window.tryTake(0)
    window.allowBurst(5)
    expect([1, 2, 3].map((t) => window.tryTake(t))).toEqual([true, true, true])
    expect(window.tryTake(4)).toBe(false)
    expect(window.msUntilAvailable(4)).toBe(59_996)
    const later = createRateWindow({ count: 10, windowMs: 60_000, minSpacingMs: 2_000 })
    later.allowBurst(2)
    expect([0, 1, 2].map((t) => later.tryTake(t))).toEqual([true, true, false])
    expect(later.msUntilAvailable(2)).toBe(1_999)
  })

  it('blocks after a 429 until the time given', () => {
    const window = createRateWindow({ count: 10, windowMs: 60_000 })
    window.blockUntil(5_000)
    expect(window.tryTake(4_999)).toBe(false)
    expect(window.tryTake(5_000)).toBe(true)
  })
})

describe('requestWindows', () => {
  it('keeps a margin under every documented limit and paces the hourly poll budget', () => {
    const windows = requestWindows({ streamsPerKey: 10, pollsPerHour: 600, listPerMin: 30, getPerMin: 60, createPerMin: 10 })
    expect(windows.list).toEqual({ count: 27, windowMs: 60_000, minSpacingMs: 2_223 })
    expect(windows.get).toEqual({ count: 54, windowMs: 60_000 })
    expect(windows.poll.count).toBe(540)
    expect(windows.poll.minSpacingMs).toBe(6_667)
    expect(windows.create.count).toBe(9)
  })
})

describe('a rate window carried across a restart', () => {
  it('counts the requests the previous session sent', () => {
    const before = createRateWindow({ count: 3, windowMs: 60_000 })
    before.tryTake(1_000)
    before.tryTake(2_000)
    const after = createRateWindow({ count: 3, windowMs: 60_000 }, before.takenTimes(30_000))
    expect(after.tryTake(30_000)).toBe(true)
    expect(after.tryTake(30_001)).toBe(false)
    expect(after.tryTake(61_000)).toBe(true)
  })
})
