import { describe, expect, it } from 'vitest'
import type { CaseView, FileView } from '../shared/case-view'
import { caseViewFixture } from '../shared/testing/case-view-fixture'
import { caseLine, caseRecord, isSameRecord } from './case-line'

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

describe('whether a change shows in the --json record', () => {
  const base = view({ state: 'live', progress: 40 })
  const [first, ...rest] = base.files
  const variants: [string, CaseView][] = [
    ['label', { ...base, label: 'Renamed' }],
    ['state', { ...base, state: 'reconnecting' }],
    ['progress', { ...base, progress: 41 }],
    ['risk', { ...base, risk: 'high' }],
    ['problem', { ...base, problem: { code: 'network_unreachable', message: 'down' } }],
    ['next attempt', { ...base, nextAttemptAt: 5_000 }],
    ['a file added', { ...base, files: [...base.files, file('waiting', 'e')] }],
    ['a file’s stage', { ...base, files: [{ ...first!, stage: 'ela' }, ...rest] }],
    ['a file’s progress', { ...base, files: [{ ...first!, progress: 7 }, ...rest] }],
    ['a file’s status', { ...base, files: [{ ...first!, status: 'failed' }, ...rest] }],
    ['a file’s risk', { ...base, files: [{ ...first!, risk: 'low' }, ...rest] }],
    ['a file’s label', { ...base, files: [{ ...first!, label: 'other.pdf' }, ...rest] }],
    ['only the update time', { ...base, updatedAt: 99, confirmedAt: 99 }],
    ['only a file’s timeline', { ...base, files: [{ ...first!, timeline: { uploadedAt: 1, stages: [], settledAt: null } }, ...rest] }],
    ['nothing, in a copy', { ...base, files: base.files.map((each) => ({ ...each })) }],
  ]

  it.each(variants)('agrees with the record itself when %s changes', (_change, changed) => {
    const isSameText = JSON.stringify(caseRecord(base)) === JSON.stringify(caseRecord(changed))
    expect(isSameRecord(base, changed)).toBe(isSameText)
  })
})
