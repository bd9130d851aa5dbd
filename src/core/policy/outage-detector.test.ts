import { describe, expect, it } from 'vitest'
import { createOutageDetector } from './outage-detector'

const tuning = { failuresForOutage: 3, probeFloorMs: 1_000, probeCapMs: 30_000 }

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

  it('spaces probes exponentially up to the cap: a long outage costs a few requests a minute', () => {
    const detector = createOutageDetector(tuning, () => 1)
    const delays = Array.from({ length: 8 }, () => detector.nextProbeDelay())
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000])
    let elapsed = 0
    let probesInFirstMinute = 0
    for (const delay of delays) if ((elapsed += delay) <= 60_000) probesInFirstMinute++
    expect(probesInFirstMinute).toBeLessThanOrEqual(6)
  })
})
