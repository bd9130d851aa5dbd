import { describe, expect, it } from 'vitest'
import type { FileView } from '../../shared/case-view'
import { emptyCaseState, type CaseState } from '../case-state/case-state'
import { analysisPhase, createCaseRecord, isInAnalysis } from './case-record'

const file = (status: FileView['status']): FileView => ({
  fileId: `f-${status}-${Math.random()}`,
  label: 'id.pdf',
  stage: null,
  progress: null,
  status,
  risk: null,
  failureReason: null,
  timeline: { uploadedAt: null, stages: [], settledAt: null },
})

const factsWith = (state: Partial<CaseState>) => ({
  ...createCaseRecord('019bfb3c-1257-7455-af2e-0cd3cadab5c7', 0),
  state: { ...emptyCaseState, ...state },
})

describe('where a case is in its analysis', () => {
  it('is still in analysis when every file has settled but the case has not said it completed', () => {
    // The gap between the last file's completion and the case's: the stream must not be handed on inside it.
    const facts = factsWith({ files: [file('success'), file('failed')], hasFileList: true })
    expect(isInAnalysis(facts)).toBe(true)
    expect(analysisPhase(facts)).toBe('analysing')
  })

  it('waits for upload while every file of the full list waits, and is not known before any look', () => {
    expect(analysisPhase(factsWith({ files: [file('waiting'), file('waiting')], hasFileList: true }))).toBe('waiting')
    expect(analysisPhase(factsWith({}))).toBe('unknown')
    // Files known from events only may not be all of them: one of the others may be analysing.
    expect(analysisPhase(factsWith({ files: [file('waiting')], hasFileList: false }))).toBe('unknown')
  })

  it('is analysing once a file is, and no longer once the case completed', () => {
    expect(analysisPhase(factsWith({ files: [file('waiting'), file('processing')], hasFileList: true }))).toBe('analysing')
    expect(analysisPhase(factsWith({ files: [file('success')], hasFileList: true, isComplete: true }))).toBe('complete')
  })
})
