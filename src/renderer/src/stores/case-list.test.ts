import { describe, expect, it } from 'vitest'
import type { CaseView } from '@shared/case-view'
import { createTestContext } from '../testing/mount-app'
import { makeCase } from '../testing/fixtures'
import { useCaseListStore } from './case-list'
import { useCasesStore } from './cases'

function setup(views: CaseView[]) {
  createTestContext()
  useCasesStore().applySnapshot(views)
  return useCaseListStore()
}

const live = makeCase({ label: 'Invoice batch', state: 'live', addedAt: 10 })
const reconnecting = makeCase({ label: 'Passport check', state: 'reconnecting', addedAt: 20 })
const doneEarly = makeCase({ label: 'Payslip', state: 'completed', completedAt: 1_000, addedAt: 5 })
const doneLate = makeCase({ label: 'Bank statement', state: 'completed', completedAt: 2_000, addedAt: 4 })
const failed = makeCase({ label: 'Utility bill', state: 'failed', addedAt: 1 })
const rejected = makeCase({ label: null, state: 'unauthorized', addedAt: 2 })
const all = [live, reconnecting, doneEarly, doneLate, failed, rejected]

describe('case list', () => {
  it('counts cases per filter', () => {
    const list = setup(all)
    expect(list.counts).toEqual({ all: 6, in_progress: 2, completed: 2, attention: 2, keyRejected: 1 })
  })

  it('sorts needs attention first, then in progress, then completed, most recent first', () => {
    const list = setup(all)
    expect(list.visibleIds).toEqual([rejected, failed, reconnecting, live, doneLate, doneEarly].map((c) => c.caseId))
  })

  it('keeps pinned cases on top', () => {
    const pinned = { ...doneEarly, isPinned: true }
    const list = setup([...all.filter((c) => c !== doneEarly), pinned])
    expect(list.visibleIds[0]).toBe(pinned.caseId)
  })

  it('filters by group and searches label or ID', () => {
    const list = setup(all)
    list.filter = 'attention'
    expect(list.visibleIds).toEqual([rejected.caseId, failed.caseId])

    list.filter = 'all'
    list.query = 'PASSPORT'
    expect(list.visibleIds).toEqual([reconnecting.caseId])

    list.query = doneLate.caseId.slice(-6)
    expect(list.visibleIds).toEqual([doneLate.caseId])
  })

  it("finds a case by the analyst's own label, as soon as it is given", () => {
    const list = setup(all)
    list.query = 'second look'
    expect(list.visibleIds).toEqual([])
    useCasesStore().upsert([{ ...live, localLabel: 'Hart, Second Look', updatedAt: live.updatedAt + 1 }])
    expect(list.visibleIds).toEqual([live.caseId])
  })

  it('moves a case between filters when its state changes', () => {
    const list = setup(all)
    list.filter = 'completed'
    useCasesStore().upsert([{ ...live, state: 'completed', completedAt: 3_000, updatedAt: live.updatedAt + 1 }])
    expect(list.visibleIds[0]).toBe(live.caseId)
    expect(list.counts.in_progress).toBe(1)
  })

  it('clears a filter that hides a case the analyst asked to see', () => {
    const list = setup(all)
    list.filter = 'completed'
    list.query = 'bank'
    list.requestFocus(failed.caseId)
    expect(list.filter).toBe('all')
    expect(list.query).toBe('')
    expect(list.focusRequest).toEqual({ caseId: failed.caseId, moveFocus: true })
  })

  it('opens the detail of a case a notification asked for, and only then', () => {
    const list = setup(all)
    list.requestFocus(live.caseId, { moveFocus: false })
    expect(list.expanded.has(live.caseId)).toBe(false)
    list.openCase(live.caseId)
    expect(list.expanded.has(live.caseId)).toBe(true)
    expect(list.focusRequest).toEqual({ caseId: live.caseId, moveFocus: true })
    list.openCase(live.caseId)
    expect(list.expanded.has(live.caseId)).toBe(true)
  })

  it('shows only the cases of a notification about several, until its chip is removed', () => {
    const list = setup(all)
    list.filter = 'attention'
    list.query = 'x'
    list.showGroup({ label: 'Finished while you were away', caseIds: [doneEarly.caseId, doneLate.caseId, 'gone'] })
    expect(list.filter).toBe('all')
    expect(list.query).toBe('')
    expect(list.group).toEqual({ label: 'Finished while you were away', caseIds: [doneEarly.caseId, doneLate.caseId, 'gone'] })
    expect(list.visibleIds).toEqual([doneLate.caseId, doneEarly.caseId])
    list.clearGroup()
    expect(list.group).toBeNull()
    expect(list.visibleIds).toHaveLength(all.length)
  })
})
