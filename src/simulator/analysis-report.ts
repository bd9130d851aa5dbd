import type { RiskLevel } from './analysis-plan'
import type { SimCase, SimFile } from './case-model'
import { iso } from './http-io'

const capitalised: Record<RiskLevel, string> = { informational: 'Informational', low: 'Low', medium: 'Medium', high: 'High' }

const summaries: Record<RiskLevel, string> = {
  informational: 'No significant concerns were found.',
  low: 'Minor anomalies were found that do not suggest fraud.',
  medium: 'Some findings need extra verification or a manual review.',
  high: 'There are clear signs of tampering or fabrication.',
}

function fullAnalysis(risk: RiskLevel) {
  const severity = capitalised[risk]
  return {
    overall_risk_score: risk,
    summary: summaries[risk],
    findings: [
      { category: 'metadata', heading: `${severity} metadata finding`, description: 'Simulated finding.', supporting_evidence: [] },
    ],
    observations: ['Simulated analysis: no real document was examined.'],
    risk_assessments: [{ target: 'document', risk_level: risk, summary: summaries[risk], justification: 'Simulated.' }],
    suggested_actions:
      risk === 'high' || risk === 'medium' ? [{ action: 'Review the document manually.', justification: 'Simulated.' }] : [],
    audit_trail: [],
    search_evidence_summary: null,
    modules: [
      {
        module_id: 'metadata_analysis',
        findings: [
          {
            alert_type: 'simulated',
            severity,
            description: 'Simulated alert.',
            severity_justification: 'Simulated.',
            evidence: [],
            evidence_refs: [],
          },
        ],
        search_evidence: {},
        verification_evidence: null,
      },
    ],
  }
}

/** GET /files/{id}/analysis, shaped after docs files-analysis-get; results only once settled successfully. */
export function analysisReportJson(baseUrl: string, file: SimFile, c: SimCase) {
  const blob = `${baseUrl}/__blob/${file.id}`
  const hasResults = file.status === 'settled' && file.outcome === 'success' && file.risk !== null
  return {
    file_id: file.id,
    case_id: c.id,
    label: file.label,
    mime_type: file.mimeType,
    file_download_url: blob,
    file_download_url_expires_at: iso(file.expiresAt),
    thumbnail_url: `${blob}/thumbnail`,
    pdf_report_url: `${blob}/report.pdf`,
    log_output_url: `${blob}/log.txt`,
    ela_overlay_url: `${blob}/ela.png`,
    reverse_search: { matches: null, total: 0 },
    file_info: { md5: Buffer.from(file.id.replaceAll('-', ''), 'hex').toString('hex'), metadata: {} },
    analysis_status: file.status,
    analysis_outcome: file.outcome,
    current_analysis_phase: file.phase,
    current_risk_score: file.risk,
    analysis_results: hasResults
      ? {
          full_analysis: fullAnalysis(file.risk!),
          context_analysis: {
            mime_type: file.mimeType,
            format_classification: 'document',
            file_category: 'identity',
            summary: 'Simulated.',
            classifications: [],
          },
        }
      : null,
  }
}
