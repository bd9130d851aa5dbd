import { describe, expect, it } from 'vitest'
import type { CaseView } from '@shared/case-view'
import { createTestContext } from '../testing/mount-app'
import { makeCase, makeFile } from '../testing/fixtures'
import { useCaseListStore } from './case-list'
import { useCasesStore } from './cases'

function setup(views: CaseView[]) {
  return setupWithBridge(views).list
}

function setupWithBridge(views: CaseView[]) {
  const { fake } = createTestContext({ markCasesSeen: () => undefined })
  useCasesStore().applySnapshot(views)
  return { bridge: fake, list: useCaseListStore() }
}

const processing = [makeFile({ status: 'processing' })]
const live = makeCase({ label: 'Invoice batch', state: 'live', addedAt: 10, hasFileList: true, files: processing, progress: 30 })
const reconnecting = makeCase({
  label: 'Passport check',
  state: 'reconnecting',
  addedAt: 20,
  hasFileList: true,
  files: processing,
  progress: 70,
})
const waiting = makeCase({ label: 'Lease', state: 'live', addedAt: 30, hasFileList: true, files: [makeFile({ status: 'waiting' })] })
const doneEarly = makeCase({
  label: 'Payslip',
  state: 'completed',
  completedAt: 1_000,
  addedAt: 5,
  hasFileList: true,
  risk: 'low',
  files: [makeFile({ status: 'success', risk: 'low' })],
})
const doneLate = makeCase({
  label: 'Bank statement',
  state: 'completed',
  completedAt: 2_000,
  addedAt: 4,
  hasFileList: true,
  risk: 'informational',
  files: [makeFile({ status: 'success', risk: 'informational' })],
  isUnseen: true,
})
const medium = makeCase({
  label: 'Tax return',
  state: 'completed',
  completedAt: 3_000,
  addedAt: 3,
  hasFileList: true,
  risk: 'medium',
  files: [makeFile({ status: 'success', risk: 'medium' })],
})
const highRisk = makeCase({
  label: 'Driving licence',
  state: 'completed',
  completedAt: 500,
  addedAt: 6,
  hasFileList: true,
  risk: 'high',
  files: [makeFile({ status: 'success', risk: 'high' })],
  isUnseen: true,
})
const failedFile = makeCase({
  label: 'Utility bill',
  state: 'completed',
  completedAt: 2_500,
  addedAt: 7,
  hasFileList: true,
  risk: 'low',
  files: [makeFile({ status: 'success', risk: 'low' }), makeFile({ status: 'failed' })],
})
const failed = makeCase({ label: 'Broken', state: 'failed', addedAt: 1 })
const rejected = makeCase({ label: null, state: 'unauthorized', addedAt: 2 })
const all = [live, reconnecting, waiting, doneEarly, doneLate, medium, highRisk, failedFile, failed, rejected]

describe('case list', () => {
  it('counts cases per triage group, the key-rejected ones and the new ones', () => {
    const list = setup(all)
    expect(list.counts).toEqual({ all: 10, review: 3, analysing: 2, waiting: 1, unreachable: 2, done: 2, keyRejected: 1, unseen: 2 })
  })

  it('sorts needs me first: review (most severe first), analysing, waiting, unreachable, done (latest first)', () => {
    const list = setup(all)
    expect(list.visibleIds).toEqual(
      [highRisk, medium, failedFile, reconnecting, live, waiting, rejected, failed, doneLate, doneEarly].map((c) => c.caseId),
    )
  })

  it('sorts by risk, progress, last update and name', () => {
    const list = setup(all)
    list.sort = 'risk'
    expect(list.visibleIds.slice(0, 3)).toEqual([highRisk, medium, failedFile].map((c) => c.caseId))
    list.sort = 'progress'
    const inProgress = list.visibleIds.filter((id) => id === live.caseId || id === reconnecting.caseId)
    expect(inProgress).toEqual([reconnecting.caseId, live.caseId])
    list.sort = 'updated'
    expect(list.visibleIds[0]).toBe([...all].sort((a, b) => b.updatedAt - a.updatedAt)[0]!.caseId)
    list.sort = 'name'
    expect(list.visibleIds.slice(0, 3)).toEqual([doneLate, failed, rejected].map((c) => c.caseId))
  })

  it('keeps pinned cases on top', () => {
    const pinned = { ...doneEarly, isPinned: true }
    const list = setup([...all.filter((c) => c !== doneEarly), pinned])
    expect(list.visibleIds[0]).toBe(pinned.caseId)
  })

  it('filters by group and by risk, and searches label or ID', () => {
    const list = setup(all)
    list.filter = 'unreachable'
    expect(list.visibleIds).toEqual([rejected.caseId, failed.caseId])
    list.filter = 'review'
    list.risk = 'high'
    expect(list.visibleIds).toEqual([highRisk.caseId])
    list.filter = 'all'
    list.risk = 'low'
    expect(list.visibleIds).toEqual([failedFile.caseId, doneEarly.caseId])
    list.risk = 'unknown'
    expect(list.visibleIds).toContain(live.caseId)
    expect(list.visibleIds).not.toContain(medium.caseId)

    list.risk = 'any'
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

  it('moves a case between groups when its outcome changes', () => {
    const list = setup(all)
    list.filter = 'review'
    useCasesStore().upsert([
      {
        ...live,
        state: 'completed',
        completedAt: 3_000,
        risk: 'high',
        files: [makeFile({ status: 'success', risk: 'high' })],
        updatedAt: live.updatedAt + 1,
      },
    ])
    expect(list.visibleIds).toContain(live.caseId)
    expect(list.counts.analysing).toBe(1)
  })

  it('marks a new completion seen when it is opened, and all of them on request', async () => {
    const { bridge, list } = setupWithBridge(all)
    list.toggleExpanded(live.caseId)
    expect(bridge.callsTo('markCasesSeen')).toEqual([])
    list.toggleExpanded(highRisk.caseId)
    expect(bridge.callsTo('markCasesSeen')).toEqual([[{ caseIds: [highRisk.caseId] }]])
    await list.markAllSeen()
    expect(bridge.callsTo('markCasesSeen')[1]).toEqual([{ caseIds: [doneLate.caseId, highRisk.caseId] }])
  })

  it('clears a filter that hides a case the analyst asked to see', () => {
    const list = setup(all)
    list.filter = 'done'
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
    list.filter = 'review'
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
