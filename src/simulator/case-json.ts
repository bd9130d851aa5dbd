import type { SimCase, SimFile } from './case-model'
import { iso } from './http-io'
import type { KeyInfo } from './key-registry'

export function uploadUrlJson(baseUrl: string, file: SimFile) {
  return {
    file_id: file.id,
    label: file.label,
    sas_url: `${baseUrl}/__blob/${file.id}?sig=${file.signature}`,
    expires_at: iso(file.expiresAt),
  }
}

export function caseFileAnalysisStatus(c: SimCase): 'waiting_for_file_analysis' | 'file_analysis_complete' {
  return c.completedAt === null ? 'waiting_for_file_analysis' : 'file_analysis_complete'
}

/** The fields shared by GET /cases items, PUT /cases/{id} and GET /cases/{id}. */
export function caseSummaryJson(c: SimCase, owner: KeyInfo | undefined) {
  return {
    case_id: c.id,
    label: c.label,
    reference_label: c.referenceLabel,
    metadata: {},
    is_locked: c.lockedAt !== null,
    locked_at: iso(c.lockedAt),
    file_analysis_status: caseFileAnalysisStatus(c),
    file_analysis_completed_at: iso(c.completedAt),
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    team_id: owner?.teamId ?? null,
    team_name: owner?.teamName ?? null,
  }
}

export function fileJson(file: SimFile) {
  return {
    file_id: file.id,
    case_id: file.caseId,
    label: file.label,
    mime_type: file.mimeType,
    analysis_status: file.status,
    analysis_outcome: file.outcome,
    current_analysis_phase: file.phase,
    current_risk_score: file.risk,
    uploaded_at: iso(file.uploadedAt),
    created_at: iso(file.createdAt),
    // Not documented by Veridox: the simulator's name for the reason a settled file failed (docs/simulator.md).
    failure_reason: file.status === 'settled' && file.outcome === 'failed' ? file.plan.failureReason : null,
  }
}

/** GET /files and GET /search items: a file with its parent case's label. */
export function fileListItemJson(baseUrl: string, file: SimFile, c: SimCase) {
  return { ...fileJson(file), case_label: c.label, thumbnail_url: `${baseUrl}/__blob/${file.id}/thumbnail` }
}

export function caseDetailsJson(c: SimCase, owner: KeyInfo | undefined) {
  return { ...caseSummaryJson(c, owner), files: c.files.map(fileJson) }
}
