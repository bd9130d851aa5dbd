import { describe, expect, it } from 'vitest'
import { maxFilesPerCase } from '../veridox/field-limits'
import { caseDetailsSchema, caseListItemSchema } from '../veridox/wire-schemas'
import {
  applyEvent,
  applyListItem,
  applySnapshot,
  caseRisk,
  emptyCaseState,
  hasFinalRisks,
  isBeyondFileCap,
  isCaseSettled,
  overallProgress,
} from './case-state'

const a = '019e2a1b-7c3d-7f00-8a1b-2c3d4e5f6a7a'
const b = '019e2a1b-7c3d-7f00-8a1b-2c3d4e5f6a7b'

describe('case state reducer', () => {
  it('tracks per-file stage and progress and the overall mean', () => {
    let state = applyEvent(emptyCaseState, { type: 'file.analysis.progress', id: '1', fileId: a, stage: 'ela', progress: 40 }, 0)
    state = applyEvent(state, { type: 'file.analysis.progress', id: '2', fileId: b, stage: 'metadata_analysis', progress: 10 }, 0)
    expect(state.files.map((f) => [f.fileId, f.stage, f.progress, f.status])).toEqual([
      [a, 'ela', 40, 'processing'],
      [b, 'metadata_analysis', 10, 'processing'],
    ])
    expect(overallProgress(state)).toBe(25)
  })

  it('is idempotent: a replayed event changes nothing, and progress never goes backwards', () => {
    const event = { type: 'file.analysis.progress' as const, id: '1', fileId: a, stage: 'ela', progress: 60 }
    const once = applyEvent(emptyCaseState, event, 0)
    expect(applyEvent(once, event, 0)).toEqual(once)
    expect(applyEvent(once, { ...event, progress: 20 }, 0).files[0]!.progress).toBe(60)
  })

  it('a settled file ignores late progress events', () => {
    let state = applyEvent(emptyCaseState, { type: 'file.analysis.completed', id: '3', fileId: a, stage: null, outcome: 'failed' }, 0)
    state = applyEvent(state, { type: 'file.analysis.progress', id: '2', fileId: a, stage: 'ela', progress: 50 }, 0)
    expect(state.files[0]).toMatchObject({ status: 'failed', progress: 100 })
  })

  it('marks the case complete once, keeping the first completion time', () => {
    const done = applyEvent(emptyCaseState, { type: 'case.analysis.completed', id: '9' }, 1_000)
    expect(done).toMatchObject({ isComplete: true, completedAt: 1_000 })
    expect(applyEvent(done, { type: 'case.analysis.completed', id: '9' }, 5_000).completedAt).toBe(1_000)
    expect(overallProgress(done)).toBe(100)
  })

  it('takes labels, outcomes and risks from a snapshot and keeps event progress it lacks', () => {
    const live = applyEvent(emptyCaseState, { type: 'file.analysis.progress', id: '1', fileId: b, stage: 'ela', progress: 70 }, 0)
    const details = caseDetailsSchema.parse({
      case_id: 'c',
      label: 'Claim 42',
      file_analysis_status: 'waiting_for_file_analysis',
      files: [
        { file_id: a, label: 'passport.pdf', analysis_status: 'settled', analysis_outcome: 'success', current_risk_score: 'High' },
        { file_id: b, label: 'payslip.png', analysis_status: 'processing', current_analysis_phase: 'noise_analysis' },
      ],
    })
    const state = applySnapshot(live, details, 0)
    expect(state.label).toBe('Claim 42')
    expect(state.files).toEqual([
      { fileId: a, label: 'passport.pdf', stage: null, progress: 100, status: 'success', risk: 'high' },
      { fileId: b, label: 'payslip.png', stage: 'noise_analysis', progress: 70, status: 'processing', risk: null },
    ])
    expect(state.isComplete).toBe(false)
    expect(caseRisk(state)).toBe('high')
  })

  it('does not pretend to know the progress of a file no stream reports', () => {
    const details = caseDetailsSchema.parse({
      case_id: 'c',
      files: [
        { file_id: a, label: 'passport.pdf', analysis_status: 'settled', analysis_outcome: 'success', current_risk_score: 'low' },
        { file_id: b, label: 'payslip.png', analysis_status: 'processing' },
      ],
    })
    const state = applySnapshot(emptyCaseState, details, 0)
    expect(state.files.map((file) => file.progress)).toEqual([100, null])
    expect(overallProgress(state)).toBeNull()
    expect(overallProgress(emptyCaseState)).toBeNull()
    const streamed = applyEvent(state, { type: 'file.analysis.progress', id: '5', fileId: b, stage: 'ela', progress: 30 }, 0)
    expect(overallProgress(streamed)).toBe(65)
  })

  it('takes in new files from events only up to the cap, and keeps updating the files it holds', () => {
    const fileId = (n: number) => `file-${n}`
    const progress = (n: number, value = 10) =>
      ({ type: 'file.analysis.progress', id: `e${n}`, fileId: fileId(n), stage: 'ela', progress: value }) as const
    let state = emptyCaseState
    for (let n = 0; n < maxFilesPerCase + 50; n++) state = applyEvent(state, progress(n), 0)
    expect(state.files).toHaveLength(maxFilesPerCase)
    expect(state.files.at(-1)!.fileId).toBe(fileId(maxFilesPerCase - 1))
    expect(isBeyondFileCap(state, progress(maxFilesPerCase))).toBe(true)
    expect(isBeyondFileCap(state, progress(0))).toBe(false)
    expect(isBeyondFileCap(state, { type: 'case.analysis.completed', id: 'done' })).toBe(false)
    state = applyEvent(state, progress(0, 80), 0)
    state = applyEvent(
      state,
      { type: 'file.analysis.completed', id: 'x', fileId: fileId(maxFilesPerCase + 1), stage: null, outcome: 'failed' },
      0,
    )
    expect(state.files).toHaveLength(maxFilesPerCase)
    expect(state.files[0]!.progress).toBe(80)
    expect(applyEvent(state, { type: 'case.analysis.completed', id: 'done' }, 5).isComplete).toBe(true)
  })

  it('reads completion and its time from a snapshot or a list item', () => {
    const details = caseDetailsSchema.parse({
      case_id: 'c',
      file_analysis_status: 'file_analysis_complete',
      file_analysis_completed_at: '2026-11-07T05:31:56Z',
      files: [],
    })
    expect(applySnapshot(emptyCaseState, details, 0)).toMatchObject({ isComplete: true, completedAt: Date.parse('2026-11-07T05:31:56Z') })
    const item = caseListItemSchema.parse({ case_id: 'c', label: 'L', file_analysis_completed_at: '2026-11-07T05:31:56.000Z' })
    expect(applyListItem(emptyCaseState, item, 0)).toMatchObject({ isComplete: true, label: 'L' })
  })

  it('knows when every file of the full list has its final risk', () => {
    const listed = applySnapshot(
      emptyCaseState,
      caseDetailsSchema.parse({ case_id: 'c', files: [{ file_id: a, analysis_status: 'processing' }] }),
      0,
    )
    const pending = applyEvent(listed, { type: 'file.analysis.completed', id: '1', fileId: a, stage: null, outcome: 'success' }, 0)
    expect(hasFinalRisks(pending)).toBe(false)
    const failedOnly = applyEvent(listed, { type: 'file.analysis.completed', id: '1', fileId: a, stage: null, outcome: 'failed' }, 0)
    expect(hasFinalRisks(failedOnly)).toBe(true)
  })

  it('never calls a case settled on files known only from events: they may not be all of them', () => {
    const fromEvents = [
      { type: 'file.analysis.completed', id: '1', fileId: a, stage: null, outcome: 'failed' } as const,
      { type: 'case.analysis.completed', id: '2' } as const,
    ].reduce((state, event) => applyEvent(state, event, 0), emptyCaseState)
    expect(hasFinalRisks(fromEvents)).toBe(false)
    expect(isCaseSettled(fromEvents)).toBe(false)
    const snapshot = caseDetailsSchema.parse({
      case_id: 'c',
      file_analysis_status: 'file_analysis_complete',
      files: [
        { file_id: a, analysis_status: 'settled', analysis_outcome: 'failed' },
        { file_id: b, analysis_status: 'settled', analysis_outcome: 'success', current_risk_score: 'low' },
      ],
    })
    expect(isCaseSettled(applySnapshot(fromEvents, snapshot, 0))).toBe(true)
  })
})
