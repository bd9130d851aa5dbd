import { describe, expect, it } from 'vitest'
import { checkIntervalMs, type CadenceFacts } from './check-cadence'

const tuning = { sweepIntervalMs: 10_000, quietCheckIntervalMs: 300_000 }
const facts = (overrides: Partial<CadenceFacts>): CadenceFacts => ({ phase: 'waiting', isPinned: false, isVisible: false, ...overrides })

describe('how often a case without a live stream is checked', () => {
  it('checks a case waiting for upload, that nobody is looking at, only now and then', () => {
    expect(checkIntervalMs(facts({}), tuning)).toBe(300_000)
  })

  it('checks every case that may complete soon, or that the analyst is looking at, at the sweep interval', () => {
    expect(checkIntervalMs(facts({ phase: 'analysing' }), tuning)).toBe(10_000)
    // Never looked at: it may be analysing.
    expect(checkIntervalMs(facts({ phase: 'unknown' }), tuning)).toBe(10_000)
    expect(checkIntervalMs(facts({ isVisible: true }), tuning)).toBe(10_000)
    expect(checkIntervalMs(facts({ isPinned: true }), tuning)).toBe(10_000)
  })

  it('never checks less often than the sweep interval, whatever the tuning', () => {
    expect(checkIntervalMs(facts({}), { sweepIntervalMs: 10_000, quietCheckIntervalMs: 1_000 })).toBe(10_000)
  })
})
