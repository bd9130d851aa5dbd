import type { CaseView } from '../../src/shared/case-view'
import type { SimulatorStats } from '../../src/simulator'
import type { SoakConfig } from './soak-config'

export interface Announcement {
  caseId: string
  at: number
}

export interface SimulatorCase {
  file_analysis_status: string
  file_analysis_completed_at: string | null
  files: { file_id: string; analysis_status: string; analysis_outcome: string | null; current_risk_score: string | null }[]
}

export interface SoakReport {
  config: SoakConfig['name']
  cases: number
  deleted: number
  durationS: number
  restarts: number
  actions: Record<string, number>
  missedCompletions: string[]
  duplicateCompletions: string[]
  tooManyRequestsFromLimits: number
  tooManyRequestsInjected: number
  peakStreams: number
  streamLimit: number
  limitsExceeded: number
  finalStateMismatches: string[]
  latencyMs: { count: number; p50: number; p90: number; p99: number; max: number }
  requestsByRoute: SimulatorStats['requestsByRoute']
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!

export function mismatchOf(caseId: string, view: CaseView | null, simCase: SimulatorCase | null, isDeleted: boolean): string | null {
  if (isDeleted)
    return view?.state === 'not_found' || view?.state === 'completed' ? null : `${caseId}: deleted, but the app shows ${view?.state}`
  if (!simCase || !view) return `${caseId}: missing (${simCase ? 'app' : 'simulator'})`
  if (simCase.file_analysis_status !== 'file_analysis_complete') return `${caseId}: the simulator never finished it`
  if (view.state !== 'completed') return `${caseId}: completed, but the app shows ${view.state}`
  for (const file of simCase.files) {
    const seen = view.files.find((f) => f.fileId === file.file_id)
    const status = file.analysis_outcome === 'failed' ? 'failed' : 'success'
    if (!seen) return `${caseId}: file ${file.file_id} missing in the app`
    if (seen.status !== status) return `${caseId}: file ${file.file_id} is ${status}, the app shows ${seen.status}`
    if (seen.risk !== null && seen.risk !== file.current_risk_score)
      return `${caseId}: file ${file.file_id} risk ${file.current_risk_score}, the app shows ${seen.risk}`
  }
  return null
}

export function buildSoakReport(input: {
  config: SoakConfig
  created: string[]
  deleted: Set<string>
  announcements: Announcement[]
  finalView(caseId: string): CaseView | null
  simulatorCase(caseId: string): unknown
  stats: SimulatorStats
  apiKey: string
  streamLimit: number
  actionCounts: Record<string, number>
  restarts: number
  durationMs: number
}): SoakReport {
  const announced = new Map<string, Announcement[]>()
  for (const a of input.announcements) announced.set(a.caseId, [...(announced.get(a.caseId) ?? []), a])
  const latencies: number[] = []
  const missed: string[] = []
  const mismatches: string[] = []
  for (const caseId of input.created) {
    const simCase = input.simulatorCase(caseId) as SimulatorCase | null
    const isDeleted = input.deleted.has(caseId)
    const mismatch = mismatchOf(caseId, input.finalView(caseId), simCase, isDeleted)
    if (mismatch) mismatches.push(mismatch)
    if (isDeleted || simCase?.file_analysis_status !== 'file_analysis_complete') continue
    const first = announced.get(caseId)?.[0]
    if (!first) missed.push(caseId)
    else if (simCase.file_analysis_completed_at) latencies.push(Math.max(0, first.at - Date.parse(simCase.file_analysis_completed_at)))
  }
  latencies.sort((a, b) => a - b)
  const peakStreams = input.stats.peakStreamsByKey[input.apiKey] ?? 0
  return {
    config: input.config.name,
    cases: input.created.length,
    deleted: input.deleted.size,
    durationS: Math.round(input.durationMs / 1000),
    restarts: input.restarts,
    actions: input.actionCounts,
    missedCompletions: missed,
    duplicateCompletions: [...announced].filter(([, list]) => list.length > 1).map(([caseId]) => caseId),
    tooManyRequestsFromLimits: input.stats.tooManyRequests.fromLimits,
    tooManyRequestsInjected: input.stats.tooManyRequests.fromFaults,
    peakStreams,
    streamLimit: input.streamLimit,
    limitsExceeded: (peakStreams > input.streamLimit ? 1 : 0) + input.stats.tooManyRequests.fromLimits,
    finalStateMismatches: mismatches,
    latencyMs: {
      count: latencies.length,
      p50: percentile(latencies, 0.5),
      p90: percentile(latencies, 0.9),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? 0,
    },
    requestsByRoute: input.stats.requestsByRoute,
  }
}

export function formatSoakReport(report: SoakReport): string {
  const lines = [
    `Chaos soak (${report.config}): ${report.cases} cases (${report.deleted} deleted mid-analysis), ${report.durationS} s, ${report.restarts} restarts`,
    `  chaos actions:            ${Object.entries(report.actions)
      .map(([kind, count]) => `${kind}×${count}`)
      .join(', ')}`,
    `  missed completions:       ${report.missedCompletions.length}`,
    `  duplicate completions:    ${report.duplicateCompletions.length}`,
    `  429s from limits:         ${report.tooManyRequestsFromLimits} (injected 429s answered: ${report.tooManyRequestsInjected})`,
    `  limits exceeded:          ${report.limitsExceeded} (peak concurrent streams ${report.peakStreams} of ${report.streamLimit})`,
    `  final-state mismatches:   ${report.finalStateMismatches.length}`,
    `  detection latency (ms):   p50 ${report.latencyMs.p50}, p90 ${report.latencyMs.p90}, p99 ${report.latencyMs.p99}, max ${report.latencyMs.max} (n=${report.latencyMs.count})`,
    `  requests by route:        ${Object.entries(report.requestsByRoute)
      .map(([route, count]) => `${route} ${count}`)
      .join(', ')}`,
  ]
  for (const detail of [
    ...report.missedCompletions.map((id) => `missed ${id}`),
    ...report.duplicateCompletions.map((id) => `duplicate ${id}`),
    ...report.finalStateMismatches,
  ]) {
    lines.push(`  ! ${detail}`)
  }
  return lines.join('\n')
}
