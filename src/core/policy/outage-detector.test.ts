import { describe, expect, it } from 'vitest'
import { VeridoxError } from '../veridox/veridox-error'
import { createOutageDetector, defaultOutageTuning, outageEvidenceOf } from './outage-detector'

const tuning = { failuresForOutage: 3, probeFloorMs: 1_000, probeCapMs: 3_000 }

describe('outage detector', () => {
  it('calls an outage on the third network failure in a row, once', () => {
    const detector = createOutageDetector(tuning, () => 1)
    expect(Array.from({ length: 4 }, () => detector.noteFailure('network'))).toEqual([null, null, 'outage', null])
    expect(detector.isOutage).toBe(true)
  })

  it('needs the failures in a row: any answer in between proves the network works', () => {
    const detector = createOutageDetector(tuning, () => 1)
    detector.noteFailure('network')
    detector.noteFailure('network')
    expect(detector.noteReached()).toBe(false)
    expect(detector.noteFailure('network')).toBeNull()
    expect(detector.isOutage).toBe(false)
  })

  it('ends the outage on the first answer', () => {
    const detector = createOutageDetector(tuning, () => 1)
    for (let i = 0; i < 3; i++) detector.noteFailure('network')
    expect(detector.noteReached()).toBe(true)
    expect(detector.isOutage).toBe(false)
  })

  it('asks for a confirming probe when Veridox’s gateway keeps failing, and calls the outage only when the probe fails too', () => {
    const detector = createOutageDetector(tuning, () => 1)
    // Asked again on every later one: the caller probes once at a time, and a probe it could not send is not lost.
    expect(Array.from({ length: 4 }, () => detector.noteFailure('gateway'))).toEqual([null, null, 'confirm', 'confirm'])
    expect(detector.isOutage).toBe(false)
    expect(detector.declare()).toBe(true)
    expect(detector.declare()).toBe(false)
    expect(detector.isOutage).toBe(true)
  })

  it('drops the suspicion without an outage when the confirming probe is answered (one case’s errors, not Veridox down)', () => {
    const detector = createOutageDetector(tuning, () => 1)
    for (let i = 0; i < 3; i++) detector.noteFailure('gateway')
    expect(detector.noteReached()).toBe(false)
    expect(detector.isOutage).toBe(false)
    expect([detector.noteFailure('gateway'), detector.noteFailure('gateway'), detector.noteFailure('gateway')]).toEqual([
      null,
      null,
      'confirm',
    ])
  })

  it('forgets the suspicion when anything is answered while the confirming probe is out', () => {
    const detector = createOutageDetector(tuning, () => 1)
    for (let i = 0; i < 3; i++) detector.noteFailure('gateway')
    detector.noteReached()
    expect(detector.declare()).toBe(false)
    expect(detector.isOutage).toBe(false)
  })

  it('calls the outage at once when a network failure follows gateway errors', () => {
    const detector = createOutageDetector(tuning, () => 1)
    detector.noteFailure('gateway')
    detector.noteFailure('gateway')
    detector.noteFailure('gateway')
    expect(detector.noteFailure('network')).toBe('outage')
    expect(detector.isOutage).toBe(true)
  })

  it('spaces probes exponentially up to the cap, jittered by at most a fifth', () => {
    const slowest = createOutageDetector(tuning, () => 1)
    expect(Array.from({ length: 5 }, () => slowest.nextProbeDelay())).toEqual([1_000, 2_000, 3_000, 3_000, 3_000])
    const fastest = createOutageDetector(tuning, () => 0)
    expect(Array.from({ length: 4 }, () => fastest.nextProbeDelay())).toEqual([800, 1_600, 2_400, 2_400])
  })

  it('by default costs at most 26 probes in an outage’s first minute, and notices a return within 3 s', () => {
    const fastest = createOutageDetector(defaultOutageTuning, () => 0)
    let elapsed = 0
    let probes = 0
    while ((elapsed += fastest.nextProbeDelay()) <= 60_000) probes++
    expect(probes).toBeLessThanOrEqual(26)
    const slowest = createOutageDetector(defaultOutageTuning, () => 1)
    expect(Math.max(...Array.from({ length: 20 }, () => slowest.nextProbeDelay()))).toBeLessThanOrEqual(3_000)
  })

  it('waits at least as long as Veridox asked (Retry-After on a 503)', () => {
    const detector = createOutageDetector(tuning, () => 0)
    expect(detector.nextProbeDelay(30_000)).toBe(30_000)
    expect(detector.nextProbeDelay(null)).toBe(1_600)
  })
})

describe('outage evidence', () => {
  it('counts a failed connection and a gateway’s 502, 503 or 504, and nothing that shows Veridox answered', () => {
    const status = (code: number) => new VeridoxError('server_error', 'x', { status: code })
    expect(outageEvidenceOf(new VeridoxError('network_unreachable', 'x'))).toBe('network')
    expect([502, 503, 504].map((code) => outageEvidenceOf(status(code)))).toEqual(['gateway', 'gateway', 'gateway'])
    expect(outageEvidenceOf(status(500))).toBeNull()
    expect(outageEvidenceOf(new VeridoxError('case_not_found', 'x', { status: 404 }))).toBeNull()
    expect(outageEvidenceOf(new VeridoxError('proxy_interference', 'x', { status: 407 }))).toBeNull()
    expect(outageEvidenceOf(new VeridoxError('rate_limited', 'x', { status: 429 }))).toBeNull()
    expect(outageEvidenceOf(new Error('not from Veridox'))).toBeNull()
  })
})
