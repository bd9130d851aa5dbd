import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

const policy = { floorMs: 1_000, capMs: 60_000 }

describe('backoffDelay', () => {
  it('waits exactly the floor on the first attempt', () => {
    expect(backoffDelay(policy, 0, () => 0.99)).toBe(1_000)
  })

  it('grows exponentially with full jitter between the floor and floor·2^attempt', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(1_000)
    expect(backoffDelay(policy, 3, () => 1)).toBe(8_000)
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(4_500)
  })

  it('never exceeds the cap, however many attempts', () => {
    for (let attempt = 0; attempt < 40; attempt++) expect(backoffDelay(policy, attempt, () => 1)).toBeLessThanOrEqual(60_000)
    expect(backoffDelay(policy, 40, () => 1)).toBe(60_000)
  })

  it('uses the server retry value as its floor', () => {
    expect(backoffDelay({ floorMs: 5_000, capMs: 60_000 }, 0, () => 0.3)).toBe(5_000)
  })

  it('honours Retry-After even above the cap', () => {
    expect(backoffDelay(policy, 0, () => 0, 120_000)).toBe(120_000)
  })

  it('spreads even the first attempt when asked, so streams dropped together do not all return at the floor together', () => {
    const spread = { ...policy, firstAttemptSpread: 0.5 }
    expect(backoffDelay(spread, 0, () => 0)).toBe(1_000)
    expect(backoffDelay(spread, 0, () => 1)).toBe(1_500)
    expect(backoffDelay(spread, 3, () => 1)).toBe(8_000)
    expect(backoffDelay({ ...spread, capMs: 1_200 }, 0, () => 1)).toBe(1_200)
  })
})
