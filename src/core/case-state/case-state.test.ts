import { describe, expect, it } from 'vitest'
import { maxFailureReasonLength, maxFilesPerCase, maxStagesPerFile } from '../veridox/field-limits'
import { parseProgressMessage } from '../veridox/progress-event'
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
const noTimes = { uploadedAt: null, stages: [], settledAt: null }

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

  it('gives back the very same state for an event that changes nothing, so a busy stream of repeats allocates nothing', () => {
    const at = Date.UTC(2026, 0, 1)
    const progress = { type: 'file.analysis.progress' as const, id: '1', fileId: a, stage: 'ela', progress: 60, timestamp: at }
    const processing = applyEvent(emptyCaseState, progress, at + 5)
    expect(applyEvent(processing, { ...progress, id: '2', timestamp: at + 1 }, at + 6)).toBe(processing)
    expect(applyEvent(processing, { ...progress, id: '3', progress: 40 }, at + 7)).toBe(processing)
    const completed = { type: 'file.analysis.completed' as const, id: '4', fileId: a, stage: 'full_analysis', outcome: 'success' as const }
    const settled = applyEvent(processing, { ...completed, timestamp: at + 2 }, at + 8)
    expect(applyEvent(settled, { ...completed, timestamp: at + 3 }, at + 9)).toBe(settled)
    expect(applyEvent(settled, { ...progress, id: '5', timestamp: at + 4 }, at + 9)).toBe(settled)
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
      {
        fileId: a,
        label: 'passport.pdf',
        stage: null,
        progress: 100,
        status: 'success',
        risk: 'high',
        failureReason: null,
        timeline: noTimes,
      },
      {
        fileId: b,
        label: 'payslip.png',
        stage: 'noise_analysis',
        progress: 70,
        status: 'processing',
        risk: null,
        failureReason: null,
        timeline: {
          uploadedAt: null,
          stages: [
            { stage: 'ela', at: 0 },
            { stage: 'noise_analysis', at: 0 },
          ],
          settledAt: null,
        },
      },
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

describe('a file timeline and failure reason', () => {
  const now = Date.parse('2026-12-07T10:00:00Z')
  const at = (seconds: number) => now - 60_000 + seconds * 1_000
  const progress = (id: string, stage: string, timestamp?: number) =>
    ({ type: 'file.analysis.progress', id, fileId: a, stage, progress: 10, timestamp }) as const
  const failed = (timestamp?: number, reason?: string) =>
    ({ type: 'file.analysis.completed', id: 'done', fileId: a, stage: 'full_analysis', outcome: 'failed', timestamp, reason }) as const

  it('records when each stage was first seen and when the file settled, from the events’ own times', () => {
    const events = [progress('1', 'metadata_analysis', at(1)), progress('2', 'metadata_analysis', at(2)), progress('3', 'ela', at(5))]
    let state = events.reduce((s, e) => applyEvent(s, e, now), emptyCaseState)
    state = applyEvent(state, failed(at(9), 'The file could not be read: it is password-protected.'), now)
    expect(state.files[0]).toMatchObject({
      status: 'failed',
      failureReason: 'The file could not be read: it is password-protected.',
      timeline: {
        uploadedAt: null,
        stages: [
          { stage: 'metadata_analysis', at: at(1) },
          { stage: 'ela', at: at(5) },
        ],
        settledAt: at(9),
      },
    })
  })

  it('uses the arrival time for a missing, absurd or future timestamp', () => {
    const inSeconds = Math.floor(at(3) / 1000)
    let state = applyEvent(emptyCaseState, progress('1', 'metadata_analysis'), now)
    state = applyEvent(state, progress('2', 'ela', inSeconds), now + 1)
    state = applyEvent(state, progress('3', 'noise_analysis', Number.NaN), now + 2)
    state = applyEvent(state, failed(now + 3_600_000), now + 3)
    expect(state.files[0]!.timeline).toEqual({
      uploadedAt: null,
      stages: [
        { stage: 'metadata_analysis', at: now },
        { stage: 'ela', at: now + 1 },
        { stage: 'noise_analysis', at: now + 2 },
      ],
      settledAt: now + 3,
    })
  })

  it('changes nothing when events are replayed, later or out of order', () => {
    const events = [progress('1', 'metadata_analysis', at(1)), progress('2', 'ela', at(5)), failed(at(9), 'Unreadable')]
    const once = events.reduce((s, e) => applyEvent(s, e, now), emptyCaseState)
    const replayed = [...events, ...events.slice().reverse()].reduce((s, e) => applyEvent(s, e, now + 60_000), once)
    expect(replayed).toEqual(once)
    const withoutTimes = events.map((event) => ({ ...event, timestamp: undefined }))
    expect(withoutTimes.reduce((s, e) => applyEvent(s, e, now + 60_000), once)).toEqual(once)
  })

  it('fills in the stages of a file first seen settled when its events are replayed', () => {
    const snapshot = caseDetailsSchema.parse({
      case_id: 'c',
      files: [{ file_id: a, label: 'scan.pdf', analysis_status: 'settled', analysis_outcome: 'success', current_risk_score: 'low' }],
    })
    let state = applySnapshot(emptyCaseState, snapshot, now)
    expect(state.files[0]!.timeline).toEqual({ uploadedAt: null, stages: [], settledAt: null })
    state = applyEvent(state, progress('1', 'metadata_analysis', at(1)), now)
    state = applyEvent(state, progress('2', 'ela'), now)
    expect(state.files[0]).toMatchObject({
      status: 'success',
      progress: 100,
      timeline: { stages: [{ stage: 'metadata_analysis', at: at(1) }] },
    })
  })

  it('keeps at most the stage cap, and a capped failure reason', () => {
    let state = emptyCaseState
    for (let n = 0; n < maxStagesPerFile + 5; n++) state = applyEvent(state, progress(`${n}`, `stage-${n}`, at(n)), now)
    expect(state.files[0]!.timeline.stages).toHaveLength(maxStagesPerFile)
    const message = parseProgressMessage({
      namedType: 'file.analysis.completed',
      data: { file_id: a, outcome: 'failed', message: 'x'.repeat(50_000), timestamp: at(40) },
      lineId: null,
      caseId: 'c',
    })
    if (message.kind !== 'event') throw new Error(message.kind)
    state = applyEvent(state, message.event, now)
    expect(state.files[0]!.failureReason).toHaveLength(maxFailureReasonLength)
    expect(state.files[0]!.timeline.settledAt).toBe(at(40))
  })

  it('takes the upload time and the failure reason from a snapshot, and keeps what events told', () => {
    let state = applyEvent(emptyCaseState, progress('1', 'metadata_analysis', at(1)), now)
    const processing = caseDetailsSchema.parse({
      case_id: 'c',
      files: [{ file_id: a, analysis_status: 'processing', current_analysis_phase: 'ela', uploaded_at: new Date(at(0)).toISOString() }],
    })
    state = applySnapshot(state, processing, now)
    expect(state.files[0]!.timeline).toEqual({
      uploadedAt: at(0),
      stages: [
        { stage: 'metadata_analysis', at: at(1) },
        { stage: 'ela', at: now },
      ],
      settledAt: null,
    })
    const settled = caseDetailsSchema.parse({
      case_id: 'c',
      files: [{ file_id: a, analysis_status: 'settled', analysis_outcome: 'failed', failure_reason: 'Corrupt PDF', uploaded_at: null }],
    })
    state = applySnapshot(state, settled, now + 5_000)
    expect(state.files[0]).toMatchObject({
      status: 'failed',
      failureReason: 'Corrupt PDF',
      timeline: { uploadedAt: at(0), settledAt: now + 5_000 },
    })
    expect(applySnapshot(state, settled, now + 9_000)).toEqual(state)
  })

  it('never gives a file that succeeded a failure reason', () => {
    const state = applyEvent(emptyCaseState, { ...failed(at(1), 'Unreadable'), outcome: 'success' }, now)
    expect(state.files[0]!.failureReason).toBeNull()
  })
})
