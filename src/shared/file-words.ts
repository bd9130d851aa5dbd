import type { FileStatus } from './case-view'

// Veridox publishes no stage names (docs/veridox-api.md §4.3); these cover the simulator's and read the rest.
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

/** What a file is called when Veridox gave it no label. */
export function fileName(file: { fileId: string; label: string }): string {
  return file.label.trim() || `File …${file.fileId.slice(-8)}`
}
