import { describe, expect, it } from 'vitest'
import { longestTimerMs } from '../runtime/clock'
import { clampServerDelay, serverDelayCeilingsMs } from './server-delays'

describe('server-given delays', () => {
  it('keeps a reasonable delay as it is', () => {
    expect(clampServerDelay(2_500, 'streamRetry')).toBe(2_500)
    expect(clampServerDelay(120_000, 'retryAfter')).toBe(120_000)
  })

  it('caps Retry-After at one hour and retry: at one minute', () => {
    expect(clampServerDelay(99_999_999_999_000, 'retryAfter')).toBe(3_600_000)
    expect(clampServerDelay(Infinity, 'retryAfter')).toBe(3_600_000)
    expect(clampServerDelay(10 ** 20, 'streamRetry')).toBe(60_000)
  })

  it('turns a negative or meaningless delay into no wait at all', () => {
    expect(clampServerDelay(-1_000, 'retryAfter')).toBe(0)
    expect(clampServerDelay(NaN, 'streamRetry')).toBe(0)
  })

  it('has every ceiling within what a timer can wait for', () => {
    for (const ceiling of Object.values(serverDelayCeilingsMs)) expect(ceiling).toBeLessThanOrEqual(longestTimerMs)
  })
})
