import { describe, expect, it } from 'vitest'
import { caseOutcome, countTriageGroups, triageGroup, triageGroups, triageGroupName } from './case-triage'
import type { FileStatus, RiskLevel, WatchState } from './case-view'
import { caseViewFixture } from './testing/case-view-fixture'

const file = (status: FileStatus, risk: RiskLevel | null = null, label = 'doc.pdf') => ({ label, status, risk })
const view = (state: WatchState, files = [file('processing')], risk: RiskLevel | null = null, hasFileList = true) => ({
  state,
  files,
  risk,
  hasFileList,
})

describe('triage groups', () => {
  it('never calls a completed case with a failed file clean, whatever the risk of the others', () => {
    const failedOne = view('completed', [file('success', 'low'), file('failed', null, 'invoice.pdf')], 'low')
    expect(triageGroup(failedOne)).toBe('review')
    expect(caseOutcome(failedOne)).toEqual({ needsReview: true, failedFiles: ['invoice.pdf'], risk: 'low' })
  })

  it('puts completed high and medium risk in review, low and informational in done', () => {
    expect(triageGroup(view('completed', [file('success', 'high')], 'high'))).toBe('review')
    expect(triageGroup(view('completed', [file('success', 'medium')], 'medium'))).toBe('review')
    expect(triageGroup(view('completed', [file('success', 'low')], 'low'))).toBe('done')
    expect(triageGroup(view('completed', [file('success', 'informational')], 'informational'))).toBe('done')
  })

  it('does not call a completed case done while its risk is not known', () => {
    expect(triageGroup(view('completed', [file('success', null)], null))).toBe('review')
  })

  it('sorts a case whose files have all settled by its outcome before Veridox confirms the case', () => {
    expect(triageGroup(view('live', [file('success', 'low'), file('success', 'informational')], 'low'))).toBe('done')
    expect(triageGroup(view('polling', [file('success', 'low'), file('failed')], 'low'))).toBe('review')
  })

  it('waits for upload while no file of a known list has started, and analyses once one has', () => {
    expect(triageGroup(view('live', [file('waiting'), file('waiting')]))).toBe('waiting')
    expect(triageGroup(view('live', [], null, true))).toBe('waiting')
    expect(triageGroup(view('live', [file('waiting'), file('processing')]))).toBe('analysing')
    expect(triageGroup(view('connecting', [], null, false))).toBe('analysing')
  })

  it('calls a case that cannot be followed unreachable', () => {
    for (const state of ['not_found', 'unauthorized', 'failed'] as const) expect(triageGroup(view(state))).toBe('unreachable')
  })

  it('keeps following states (offline, paused, reconnecting) in their outcome group', () => {
    for (const state of ['offline', 'paused', 'reconnecting', 'polling'] as const) {
      expect(triageGroup(view(state, [file('processing')]))).toBe('analysing')
    }
  })

  it('counts every case in exactly one group', () => {
    const views = [
      caseViewFixture({ caseId: 'a', state: 'completed', files: [{ ...caseViewFile(), status: 'failed' }] }),
      caseViewFixture({ caseId: 'b', state: 'live' }),
      caseViewFixture({ caseId: 'c', state: 'not_found', files: [] }),
    ]
    const counts = countTriageGroups(views)
    expect(Object.keys(counts)).toEqual([...triageGroups])
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3)
    expect(counts.review).toBe(1)
    expect(counts.unreachable).toBe(1)
  })

  it('names the groups in words an analyst uses', () => {
    expect(triageGroups.map(triageGroupName)).toEqual(['Needs review', 'Analysing', 'Waiting for upload', 'Unreachable', 'Done'])
  })
})

function caseViewFile() {
  const timeline = { uploadedAt: null, stages: [], settledAt: null }
  return { fileId: 'f1', label: 'a.pdf', stage: null, progress: 100, status: 'success' as const, risk: null, failureReason: null, timeline }
}
