import { describe, expect, it } from 'vitest'
import { seededRandom } from '../runtime/clock'
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

  it('picks the same cases, in the same order, as ranking every candidate', () => {
    const random = seededRandom(12)
    const flag = () => random() < 0.3
    const rankingAll = (candidates: SlotCandidate[], slotCount: number): string[] =>
      [...candidates]
        .sort(
          (a, b) =>
            Number(b.isPinned) - Number(a.isPinned) ||
            Number(b.isVisible) - Number(a.isVisible) ||
            Number(b.isInAnalysis) - Number(a.isInAnalysis) ||
            Number(a.isWaitingForUpload) - Number(b.isWaitingForUpload) ||
            Number(b.holdsSlot) - Number(a.holdsSlot) ||
            b.addedAt - a.addedAt ||
            (a.caseId < b.caseId ? -1 : 1),
        )
        .slice(0, slotCount)
        .map((c) => c.caseId)
    for (let round = 0; round < 50; round++) {
      const candidates = Array.from({ length: 1 + Math.floor(random() * 300) }, (_, i) =>
        candidate(`c${i}`, {
          isPinned: flag(),
          isVisible: flag(),
          isInAnalysis: flag(),
          isWaitingForUpload: flag(),
          holdsSlot: flag(),
          addedAt: Math.floor(random() * 20),
        }),
      )
      const slotCount = Math.floor(random() * 12)
      expect([...planStreamSlots(candidates, slotCount)]).toEqual(rankingAll(candidates, slotCount))
    }
  })
})
