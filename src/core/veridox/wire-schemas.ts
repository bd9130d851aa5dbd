import { z } from 'zod'
import { riskLevels, type RiskLevel } from '../../shared/case-view'
import { capText, maxFailureReasonLength, maxFileIdLength, maxFilesPerCase, maxLabelLength, maxStageLength } from './field-limits'

// REST shapes from docs/veridox-api.md §2. Parsing is lenient about extra fields and
// strict about the ones this app relies on; anything else is a `bad_response`. Sizes follow
// field-limits.ts, so what is accepted here can always be saved and read back.

const nullableString = z
  .string()
  .nullish()
  .transform((value) => value ?? null)

const cappedText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => (value == null ? null : capText(value, max)))

const fileId = z.string().min(1).max(maxFileIdLength)

/** The docs show lower case on the wire (`"high"`) but capitalised tiers elsewhere; accept either. */
export const riskLevelSchema = z
  .string()
  .nullish()
  .transform((value): RiskLevel | null => {
    const lower = value?.toLowerCase()
    return (riskLevels as readonly string[]).includes(lower ?? '') ? (lower as RiskLevel) : null
  })

export const caseFileSchema = z.object({
  file_id: fileId,
  label: cappedText(maxLabelLength),
  analysis_status: z
    .string()
    .nullish()
    .transform((value) => value ?? 'waiting_for_upload'),
  analysis_outcome: nullableString,
  current_analysis_phase: cappedText(maxStageLength),
  current_risk_score: riskLevelSchema,
  // An ISO date-time; longer text is no date.
  uploaded_at: cappedText(64),
  // Not documented: the simulator's name for a failed file's reason (docs/simulator.md).
  failure_reason: cappedText(maxFailureReasonLength),
})
export type CaseFile = z.infer<typeof caseFileSchema>

export const caseListItemSchema = z.object({
  case_id: z.string().min(1),
  label: cappedText(maxLabelLength),
  file_analysis_status: nullableString,
  file_analysis_completed_at: nullableString,
  created_at: nullableString,
})
export type CaseListItem = z.infer<typeof caseListItemSchema>

export const caseDetailsSchema = caseListItemSchema.extend({
  // A longer list is refused rather than cut: a partial list would announce the wrong file count and risk.
  files: z
    .array(caseFileSchema)
    .max(maxFilesPerCase)
    .nullish()
    .transform((files) => files ?? []),
})
export type CaseDetails = z.infer<typeof caseDetailsSchema>

export const caseListSchema = z.object({
  cases: z.array(caseListItemSchema),
  total: z.number().int().nonnegative().optional(),
})
export type CaseList = z.infer<typeof caseListSchema>

/** Events are parsed one by one (see progress-event.ts) so one bad event does not sink the page. */
export const pollResponseSchema = z.object({
  events: z.array(z.unknown()),
  has_more: z.boolean().optional().default(false),
})

export const errorEnvelopeSchema = z.object({
  error_code: z.string(),
  error_message: z.string().optional(),
  error_details: z.record(z.string(), z.unknown()).nullish(),
})
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>

export const createdCaseSchema = z.object({
  case_id: z.string().min(1),
  files: z
    .array(z.object({ file_id: fileId, label: cappedText(maxLabelLength), sas_url: z.string() }))
    .max(maxFilesPerCase)
    .nullish()
    .transform((files) => files ?? []),
})
export type CreatedCase = z.infer<typeof createdCaseSchema>

export const authStatusSchema = z.looseObject({ type: z.string(), is_active: z.boolean().optional(), complete: z.boolean().optional() })

export function isCaseCompleteStatus(item: { file_analysis_status: string | null; file_analysis_completed_at: string | null }): boolean {
  if (item.file_analysis_status !== null) return item.file_analysis_status === 'file_analysis_complete'
  return item.file_analysis_completed_at !== null
}
