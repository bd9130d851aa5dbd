import { describe, expect, it } from 'vitest'
import { planStreamSlots, type SlotCandidate } from './stream-slots'

const candidate = (caseId: string, overrides: Partial<SlotCandidate> = {}): SlotCandidate => ({
  caseId,
  isPinned: false,
  isVisible: false,
  isInAnalysis: false,
  isWaitingForUpload: false,
  holdsSlot: false,
  addedAt: 0,
  ...overrides,
})

describe('planStreamSlots', () => {
  it('never hands out more slots than allowed', () => {
    const many = Array.from({ length: 50 }, (_, i) => candidate(`c${i}`, { addedAt: i }))
    expect(planStreamSlots(many, 10).size).toBe(10)
    expect(planStreamSlots(many, 0).size).toBe(0)
  })

  it('prefers pinned, then visible, then in-analysis cases', () => {
    const plan = planStreamSlots(
      [
        candidate('idle', { addedAt: 9 }),
        candidate('analysing', { isInAnalysis: true }),
        candidate('visible', { isVisible: true }),
        candidate('pinned', { isPinned: true }),
      ],
      3,
    )
    expect([...plan].sort()).toEqual(['analysing', 'pinned', 'visible'])
  })

  it('lets a case that already streams keep its slot against an equal newcomer', () => {
    const plan = planStreamSlots([candidate('newer', { addedAt: 10 }), candidate('streaming', { addedAt: 1, holdsSlot: true })], 1)
    expect([...plan]).toEqual(['streaming'])
  })

  it('takes the slot from a streaming case when a more important one appears', () => {
    const plan = planStreamSlots([candidate('streaming', { holdsSlot: true }), candidate('pinned', { isPinned: true })], 1)
    expect([...plan]).toEqual(['pinned'])
  })

  it('gives a case known to wait for upload a slot only when no case of unknown state wants it', () => {
    // A stream on a case whose files are not uploaded carries nothing; one on an unlooked-at case may carry its analysis.
    const plan = planStreamSlots([candidate('waiting', { isWaitingForUpload: true, holdsSlot: true, addedAt: 9 }), candidate('unknown')], 1)
    expect([...plan]).toEqual(['unknown'])
  })
})
