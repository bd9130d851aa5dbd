import { describe, expect, it } from 'vitest'
import { checkIntervalMs, createSweepBackoff, type CadenceFacts } from './check-cadence'

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

describe('cases not looked at yet, while nothing on the key changes', () => {
  const backoffTuning = { sweepIntervalMs: 10_000, quietCheckIntervalMs: 300_000 }

  it('are checked less often after every sweep that found no change, up to the quiet interval', () => {
    const backoff = createSweepBackoff(backoffTuning)
    const intervals = [backoff.intervalMs()]
    for (let sweep = 0; sweep < 6; sweep++) {
      backoff.noteSweep({ sawChange: false })
      intervals.push(backoff.intervalMs())
    }
    expect(intervals).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000])
  })

  it('are checked at the sweep interval again as soon as anything changes', () => {
    const backoff = createSweepBackoff(backoffTuning)
    backoff.noteSweep({ sawChange: false })
    backoff.noteSweep({ sawChange: false })
    backoff.noteSweep({ sawChange: true })
    expect(backoff.intervalMs()).toBe(10_000)
    backoff.noteSweep({ sawChange: false })
    backoff.noteActivity()
    expect(backoff.intervalMs()).toBe(10_000)
  })

  it('sets the pace of unknown cases only: analysing, pinned and visible cases keep the sweep interval', () => {
    const unknownIntervalMs = 160_000
    expect(checkIntervalMs(facts({ phase: 'unknown' }), tuning, unknownIntervalMs)).toBe(160_000)
    expect(checkIntervalMs(facts({ phase: 'unknown', isVisible: true }), tuning, unknownIntervalMs)).toBe(10_000)
    expect(checkIntervalMs(facts({ phase: 'analysing' }), tuning, unknownIntervalMs)).toBe(10_000)
  })
})
