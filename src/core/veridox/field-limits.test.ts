import { describe, expect, it } from 'vitest'
import { capText, maxEventIdLength, maxFileIdLength, maxFilesPerCase, maxLabelLength, maxStageLength } from './field-limits'
import { parseProgressMessage } from './progress-event'
import { caseDetailsSchema, caseListItemSchema } from './wire-schemas'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const fileId = '019e2a1b-7c3d-7f00-8a1b-2c3d4e5f6a7b'
const long = 'z'.repeat(20_000)
const progress = (data: Record<string, unknown>, lineId: string | null = null) =>
  parseProgressMessage({ namedType: 'file.analysis.progress', data: { file_id: fileId, progress: 10, ...data }, lineId, caseId })
const details = (files: unknown[]) => caseDetailsSchema.safeParse({ case_id: caseId, label: 'Claim', files })

describe('what is accepted from Veridox fits what is read back from disk', () => {
  it('applies an event whose id is too long to keep, without keeping the id', () => {
    expect(progress({}, long)).toMatchObject({ kind: 'event', event: { id: null, progress: 10 } })
    expect(progress({ id: long })).toMatchObject({ kind: 'event', event: { id: null } })
    expect(progress({}, 'e'.repeat(maxEventIdLength))).toMatchObject({ kind: 'event', event: { id: 'e'.repeat(maxEventIdLength) } })
  })

  it('cuts stage names and labels to their limits', () => {
    expect(progress({ stage: long })).toMatchObject({ kind: 'event', event: { stage: 'z'.repeat(maxStageLength) } })
    const item = caseListItemSchema.parse({ case_id: caseId, label: long })
    expect(item.label).toHaveLength(maxLabelLength)
    const parsed = details([{ file_id: fileId, label: long, current_analysis_phase: long }])
    expect(parsed.success && parsed.data.files[0]).toMatchObject({
      label: 'z'.repeat(maxLabelLength),
      current_analysis_phase: 'z'.repeat(maxStageLength),
    })
  })

  it('refuses file ids it could not keep, and cases with more files than it could keep', () => {
    expect(progress({ file_id: 'f'.repeat(maxFileIdLength + 1) }).kind).toBe('malformed')
    expect(details([{ file_id: 'f'.repeat(maxFileIdLength + 1) }]).success).toBe(false)
    const files = (count: number) => Array.from({ length: count }, (_, i) => ({ file_id: `file-${i}` }))
    expect(details(files(maxFilesPerCase)).success).toBe(true)
    expect(details(files(maxFilesPerCase + 1)).success).toBe(false)
  })

  it('never cuts a character in half', () => {
    expect(capText('ab😀', 3)).toBe('ab')
    expect(capText('ab😀', 4)).toBe('ab😀')
  })
})
