import { describe, expect, it } from 'vitest'
import { caseSummaryText } from './case-summary'
import type { FileView } from './case-view'
import { caseViewFixture } from './testing/case-view-fixture'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const noTimes = { uploadedAt: null, stages: [], settledAt: null }
const file = (overrides: Partial<FileView>): FileView => ({
  fileId: 'f',
  label: 'file.pdf',
  stage: 'full_analysis',
  progress: 100,
  status: 'success',
  risk: null,
  failureReason: null,
  timeline: noTimes,
  ...overrides,
})

describe('the plain-text summary of a case', () => {
  it('names the case, its state, risk, every file with its outcome, risk or reason, when it completed and the link', () => {
    const view = caseViewFixture({
      caseId,
      label: 'Mortgage 4471',
      state: 'completed',
      risk: 'high',
      completedAt: Date.UTC(2026, 11, 7, 10, 4, 5),
      files: [
        file({ label: 'passport.jpg', risk: 'high' }),
        file({ label: 'scan.pdf', status: 'failed', failureReason: 'The file could not be opened: it is password-protected.' }),
        file({ label: 'payslip.png', status: 'processing', stage: 'ela', progress: 40 }),
      ],
    })
    const text = caseSummaryText(view, { state: 'Completed', link: `https://uk.veridox.ai/cases/${caseId}` })
    expect(text).toBe(
      [
        'Case: Mortgage 4471',
        `Case ID: ${caseId}`,
        'State: Completed',
        'Overall risk: High',
        'Completed: 2026-12-07 10:04:05 UTC',
        'Files (3, 1 failed):',
        '- passport.jpg: Succeeded, High risk',
        '- scan.pdf: Failed: The file could not be opened: it is password-protected.',
        '- payslip.png: Analysing (Error level analysis)',
        `Veridox: https://uk.veridox.ai/cases/${caseId}`,
      ].join('\n'),
    )
  })

  it('says what is not known rather than leaving a blank, and leaves out a link there is none of', () => {
    const view = caseViewFixture({ caseId, state: 'live', files: [file({ label: '', fileId: 'abcdef0123456789', status: 'failed' })] })
    const text = caseSummaryText(view, { state: 'Live', link: null })
    expect(text).toContain(`Case: Case …${caseId.slice(-8)}`)
    expect(text).toContain('Overall risk: not known yet')
    expect(text).toContain('Completed: not yet')
    expect(text).toContain('- File …23456789: Failed (Veridox gave no reason)')
    expect(text).not.toContain('Veridox:')
  })

  it('keeps every file on one line, whatever its name or reason holds', () => {
    const view = caseViewFixture({
      caseId,
      files: [file({ label: 'a\nb.pdf', status: 'failed', failureReason: 'line one\r\nline two' })],
    })
    expect(caseSummaryText(view, { state: 'Live', link: null })).toContain('- a b.pdf: Failed: line one line two')
  })
})
