import { describe, expect, it } from 'vitest'
import type { CaseView, FileView } from '../shared/case-view'
import { caseViewFixture } from '../shared/testing/case-view-fixture'
import { caseLine, caseRecord } from './case-line'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'

function file(status: FileView['status'], fileId: string): FileView {
  return {
    fileId,
    label: `${fileId}.pdf`,
    stage: null,
    progress: null,
    status,
    risk: null,
    failureReason: null,
    timeline: { uploadedAt: null, stages: [], settledAt: null },
  }
}

function view(overrides: Partial<CaseView> = {}): CaseView {
  return caseViewFixture({
    caseId,
    label: 'Mortgage application',
    files: [file('success', 'a'), file('failed', 'b'), file('processing', 'c'), file('waiting', 'd')],
    ...overrides,
  })
}

describe('case line', () => {
  it('shows the name, the short ID, settled files and the risk in words', () => {
    const line = caseLine(view({ risk: 'medium' }), 0)
    expect(line).toMatch(/^Mortgage application\s+…cadab5c7 /)
    expect(line).toContain(' 50%  live')
    expect(line).toContain('2/4 files')
    expect(line).toMatch(/Medium risk$/)
  })

  it('names an unlabelled case as everywhere else', () => {
    expect(caseLine(view({ label: '  ' }), 0)).toMatch(/^Case …cadab5c7\s+…cadab5c7 /)
  })

  it('counts down to the next reconnection', () => {
    expect(caseLine(view({ state: 'reconnecting', nextAttemptAt: 4_200 }), 0)).toContain('reconnecting in 5s')
  })
})

describe('case record', () => {
  it('keeps the raw risk level and fills unknown progress with the settled share', () => {
    const record = caseRecord(view({ risk: 'high' }))
    expect(record).toMatchObject({ caseId, state: 'live', progress: 50, risk: 'high' })
    expect(caseRecord(view({ progress: 12 })).progress).toBe(12)
  })
})
