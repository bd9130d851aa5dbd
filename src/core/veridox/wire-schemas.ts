import { z } from 'zod'
import { riskLevels, type RiskLevel } from '../../shared/case-view'

// REST shapes from docs/veridox-api.md §2. Parsing is lenient about extra fields and
// strict about the ones this app relies on; anything else is a `bad_response`.

const nullableString = z
  .string()
  .nullish()
  .transform((value) => value ?? null)

/** The docs show lower case on the wire (`"high"`) but capitalised tiers elsewhere; accept either. */
export const riskLevelSchema = z
  .string()
  .nullish()
  .transform((value): RiskLevel | null => {
    const lower = value?.toLowerCase()
    return (riskLevels as readonly string[]).includes(lower ?? '') ? (lower as RiskLevel) : null
  })

export const caseFileSchema = z.object({
  file_id: z.string().min(1),
  label: nullableString,
  analysis_status: z
    .string()
    .nullish()
    .transform((value) => value ?? 'waiting_for_upload'),
  analysis_outcome: nullableString,
  current_analysis_phase: nullableString,
  current_risk_score: riskLevelSchema,
})
export type CaseFile = z.infer<typeof caseFileSchema>

export const caseListItemSchema = z.object({
  case_id: z.string().min(1),
  label: nullableString,
  file_analysis_status: nullableString,
  file_analysis_completed_at: nullableString,
  created_at: nullableString,
})
export type CaseListItem = z.infer<typeof caseListItemSchema>

export const caseDetailsSchema = caseListItemSchema.extend({
  files: z
    .array(caseFileSchema)
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
    .array(z.object({ file_id: z.string(), label: nullableString, sas_url: z.string() }))
    .nullish()
    .transform((files) => files ?? []),
})
export type CreatedCase = z.infer<typeof createdCaseSchema>

export const authStatusSchema = z.looseObject({ type: z.string(), is_active: z.boolean().optional() })

export function isCaseCompleteStatus(item: { file_analysis_status: string | null; file_analysis_completed_at: string | null }): boolean {
  if (item.file_analysis_status !== null) return item.file_analysis_status === 'file_analysis_complete'
  return item.file_analysis_completed_at !== null
}
