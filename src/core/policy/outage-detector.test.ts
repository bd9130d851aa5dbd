import { describe, expect, it } from 'vitest'
import { createOutageDetector } from './outage-detector'

const tuning = { failuresForOutage: 3, probeFloorMs: 1_000, probeCapMs: 4_500 }

describe('outage detector', () => {
  it('calls an outage on the third failure in a row, once', () => {
    const detector = createOutageDetector(tuning, () => 1)
    expect([detector.noteUnreachable(), detector.noteUnreachable(), detector.noteUnreachable(), detector.noteUnreachable()]).toEqual([
      false,
      false,
      true,
      false,
    ])
    expect(detector.isOutage).toBe(true)
  })

  it('needs the failures in a row: any answer in between proves the network works', () => {
    const detector = createOutageDetector(tuning, () => 1)
    detector.noteUnreachable()
    detector.noteUnreachable()
    expect(detector.noteReached()).toBe(false)
    detector.noteUnreachable()
    expect(detector.isOutage).toBe(false)
  })

  it('ends the outage on the first answer', () => {
    const detector = createOutageDetector(tuning, () => 1)
    for (let i = 0; i < 3; i++) detector.noteUnreachable()
    expect(detector.noteReached()).toBe(true)
    expect(detector.isOutage).toBe(false)
  })

  it('spaces probes exponentially up to the cap, never closer than half the spacing', () => {
    const slowest = createOutageDetector(tuning, () => 1)
    expect(Array.from({ length: 6 }, () => slowest.nextProbeDelay())).toEqual([1_000, 2_000, 4_000, 4_500, 4_500, 4_500])
    const fastest = createOutageDetector(tuning, () => 0)
    expect(Array.from({ length: 4 }, () => fastest.nextProbeDelay())).toEqual([500, 1_000, 2_000, 2_250])
  })

  it('costs at most 30 probes in an outage’s first minute, and notices a return within 4.5 s', () => {
    const fastest = createOutageDetector(tuning, () => 0)
    let elapsed = 0
    let probes = 0
    while ((elapsed += fastest.nextProbeDelay()) <= 60_000) probes++
    expect(probes).toBeLessThanOrEqual(30)
    const slowest = createOutageDetector(tuning, () => 1)
    expect(Math.max(...Array.from({ length: 20 }, () => slowest.nextProbeDelay()))).toBeLessThanOrEqual(4_500)
  })
})
