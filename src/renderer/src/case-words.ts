import type { FileStatus, FileView, RiskLevel } from '@shared/case-view'

const stageNames: Record<string, string> = {
  metadata_analysis: 'Metadata',
  ela: 'Error level analysis',
  noise_analysis: 'Noise & filters',
  reverse_search: 'Reverse image search',
  content_authenticity: 'Content authenticity',
  context_analysis: 'Context',
  full_analysis: 'Full analysis',
}

export function stageName(stage: string | null): string {
  if (stage === null || stage.trim() === '') return '—'
  const known = stageNames[stage]
  if (known) return known
  const words = stage.replace(/[_-]+/g, ' ').trim().toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const fileStatusNames: Record<FileStatus, string> = {
  waiting: 'Waiting for upload',
  processing: 'Analysing',
  success: 'Succeeded',
  failed: 'Failed',
}

export function fileStatusName(status: FileStatus): string {
  return fileStatusNames[status]
}

export function filesSummary(files: readonly FileView[], isUnknown = false): string {
  if (files.length === 0) return isUnknown ? 'Checking files…' : 'No files yet'
  const done = files.filter((file) => file.status === 'success' || file.status === 'failed').length
  const failed = files.filter((file) => file.status === 'failed').length
  const parts = [`${files.length} ${files.length === 1 ? 'file' : 'files'}`, `${done} done`]
  if (failed > 0) parts.push(`${failed} failed`)
  return parts.join(' · ')
}

const riskNames: Record<RiskLevel, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Informational',
}

export function riskName(risk: RiskLevel): string {
  return riskNames[risk]
}

export function caseName(label: string | null): string {
  return label !== null && label.trim() !== '' ? label : 'Untitled case'
}

// UUIDv7 IDs start with a timestamp, so cases created together share a prefix; the random tail tells them apart.
export function shortCaseId(caseId: string): string {
  return `…${caseId.slice(-8)}`
}
