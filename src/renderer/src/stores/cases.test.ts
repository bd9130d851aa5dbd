import { describe, expect, it } from 'vitest'
import { createTestContext } from '../testing/mount-app'
import { makeCase } from '../testing/fixtures'
import { useCasesStore } from './cases'

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
})
