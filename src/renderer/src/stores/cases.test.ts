import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTestContext } from '../testing/mount-app'
import { makeCase } from '../testing/fixtures'
import { longestHoldMs, typingPauseMs, useCasesStore } from './cases'

describe('cases store', () => {
  it('upserts idempotently and never lets an older update win', () => {
    createTestContext()
    const cases = useCasesStore()
    const view = makeCase({ progress: 50, updatedAt: 500 })

    cases.upsert([view])
    cases.upsert([view])
    cases.upsert([{ ...view, progress: 10, updatedAt: 400 }])

    expect(cases.get(view.caseId)?.progress).toBe(50)
    expect([...cases.untrackedAll()]).toHaveLength(1)
  })

  it('bumps the layout version only for changes that can move a case', () => {
    createTestContext()
    const cases = useCasesStore()
    const view = makeCase({ updatedAt: 1 })
    cases.upsert([view])
    const afterAdd = cases.layoutVersion

    cases.upsert([{ ...view, progress: 70, updatedAt: 2 }])
    expect(cases.layoutVersion).toBe(afterAdd)

    cases.upsert([{ ...view, state: 'completed', completedAt: 5, updatedAt: 3 }])
    expect(cases.layoutVersion).toBe(afterAdd + 1)
  })

  it('sends commands and applies what main answers', async () => {
    const view = makeCase()
    const { fake } = createTestContext({
      watchCases: ({ caseIds }) => caseIds.map((caseId) => makeCase({ caseId })),
      setCasePinned: ({ isPinned }) => ({ ...view, isPinned, updatedAt: view.updatedAt + 1 }),
      unwatchCase: () => undefined,
    })
    const cases = useCasesStore()

    await cases.watch([view.caseId])
    await cases.setPinned(view.caseId, true)
    expect(cases.get(view.caseId)?.isPinned).toBe(true)

    await cases.unwatch(view.caseId)
    expect(cases.get(view.caseId)).toBeUndefined()
    expect(fake.calls.map((call) => call.name)).toEqual(['watchCases', 'setCasePinned', 'unwatchCase'])
    expect(fake.callsTo('setCasePinned')).toEqual([[{ caseId: view.caseId, isPinned: true }]])
  })

  describe('while the analyst types in search', () => {
    afterEach(() => vi.useRealTimers())

    it("holds main's changes until typing pauses, then applies them in order", () => {
      vi.useFakeTimers()
      createTestContext()
      const cases = useCasesStore()
      const view = makeCase({ progress: 10, updatedAt: 1 })
      cases.receiveChanged([view])

      cases.holdForTyping()
      cases.receiveChanged([{ ...view, progress: 20, updatedAt: 2 }])
      cases.receiveRemoved([view.caseId])
      expect(cases.get(view.caseId)?.progress).toBe(10)

      vi.advanceTimersByTime(typingPauseMs - 10)
      cases.holdForTyping()
      vi.advanceTimersByTime(typingPauseMs - 10)
      expect(cases.get(view.caseId)?.progress).toBe(10)

      vi.advanceTimersByTime(20)
      expect(cases.get(view.caseId)).toBeUndefined()
    })

    it('never holds longer than the longest hold, however long the typing goes on', () => {
      vi.useFakeTimers()
      createTestContext()
      const cases = useCasesStore()
      const view = makeCase({ progress: 10, updatedAt: 1 })
      cases.holdForTyping()
      cases.receiveChanged([view])
      for (let elapsed = 0; elapsed < longestHoldMs - 100; elapsed += 100) {
        vi.advanceTimersByTime(100)
        cases.holdForTyping()
      }
      expect(cases.get(view.caseId)).toBeUndefined()
      vi.advanceTimersByTime(100)
      expect(cases.get(view.caseId)?.progress).toBe(10)
    })

    it("applies what it holds before the analyst's own change, so a held update cannot bring back a removed case", async () => {
      vi.useFakeTimers()
      const view = makeCase({ progress: 10, updatedAt: 1 })
      createTestContext({ unwatchCase: () => undefined })
      const cases = useCasesStore()
      cases.receiveChanged([view])
      cases.holdForTyping()
      cases.receiveChanged([{ ...view, progress: 30, updatedAt: 2 }])

      await cases.unwatch(view.caseId)
      vi.advanceTimersByTime(longestHoldMs)
      expect(cases.get(view.caseId)).toBeUndefined()
    })
  })
})
