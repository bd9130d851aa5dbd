import { describe, expect, it } from 'vitest'
import { createProxyEvidence } from './proxy-evidence'

const tuning = { casesForBlock: 2, evidenceWindowMs: 60_000, canaryIntervalMs: 10_000 }

function evidenceAt() {
  let now = 0
  const evidence = createProxyEvidence(tuning, () => now)
  return { evidence, advance: (ms: number) => void (now += ms) }
}

describe('proxy evidence', () => {
  it('does not block streams for one case’s proxy page', () => {
    const { evidence } = evidenceAt()
    evidence.noteInterference('a')
    expect(evidence.isBlocked()).toBe(false)
  })

  it('blocks streams when several cases met a proxy and no stream is healthy', () => {
    const { evidence } = evidenceAt()
    evidence.noteInterference('a')
    evidence.noteInterference('b')
    expect(evidence.isBlocked()).toBe(true)
  })

  it('never blocks while a stream on the key is healthy, and a healthy stream clears the evidence', () => {
    const { evidence } = evidenceAt()
    evidence.noteHealthy('c')
    evidence.noteInterference('a')
    evidence.noteInterference('b')
    expect(evidence.isBlocked()).toBe(false)
    evidence.noteEnded('c')
    expect(evidence.isBlocked()).toBe(true)
    evidence.noteHealthy('canary')
    evidence.noteEnded('canary')
    expect(evidence.isBlocked()).toBe(false)
  })

  it('forgets interference older than its window', () => {
    const { evidence, advance } = evidenceAt()
    evidence.noteInterference('a')
    advance(60_001)
    evidence.noteInterference('b')
    expect(evidence.isBlocked()).toBe(false)
  })
})
