import type { FileStatus, FileView } from '@shared/case-view'
import { fileCounts } from '@shared/case-rules'

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
  const { total, settled, failed } = fileCounts(files)
  if (total === 0) return isUnknown ? 'Checking files…' : 'No files yet'
  const parts = [`${total} ${total === 1 ? 'file' : 'files'}`, `${settled} done`]
  if (failed > 0) parts.push(`${failed} failed`)
  return parts.join(' · ')
}

/** The files summary for a narrow window: "2/3 done", "1/2 · 1 failed". */
export function shortFilesSummary(files: readonly FileView[], isUnknown = false): string {
  const { total, settled, failed } = fileCounts(files)
  if (total === 0) return isUnknown ? 'Checking…' : 'No files'
  return failed > 0 ? `${settled}/${total} · ${failed} failed` : `${settled}/${total} done`
}
