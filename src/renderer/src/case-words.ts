import type { CaseView, FileView } from '@shared/case-view'
import { fileCounts } from '@shared/case-rules'
import { caseOutcome, triageGroup, type TriageInput } from '@shared/case-triage'

export { fileName, fileStatusName, stageName } from '@shared/file-words'

export function filesSummary(view: Pick<CaseView, 'files' | 'hasFileList'> & TriageInput): string {
  const { files } = view
  const { total, settled, failed } = fileCounts(files)
  const group = triageGroup(view)
  if (group === 'unreachable' && total === 0) return '—'
  if (total === 0) return view.hasFileList ? 'No files yet' : 'Checking files…'
  if (group === 'waiting') return `${total} ${total === 1 ? 'file' : 'files'} · none uploaded`
  const parts = [`${total} ${total === 1 ? 'file' : 'files'}`, `${settled} done`]
  if (failed > 0) parts.push(`${failed} failed`)
  return parts.join(' · ')
}

/** Why a case needs review beyond its risk: the files that could not be analysed, by name. */
type FailedFilesInput = Omit<TriageInput, 'files'> & { files: readonly Pick<FileView, 'label' | 'status' | 'risk' | 'failureReason'>[] }

export function failedFilesLine(view: FailedFilesInput): string | null {
  const { failedFiles } = caseOutcome(view)
  if (failedFiles.length === 0) return null
  if (failedFiles.length === 1) {
    const reason = view.files.find((file) => file.status === 'failed')?.failureReason?.trim()
    const name = failedFiles[0] || 'A file'
    return reason ? `${name} could not be analysed: ${reason}` : `${name} could not be analysed.`
  }
  const named = failedFiles.slice(0, 3).join(', ')
  const more = failedFiles.length > 3 ? ` and ${failedFiles.length - 3} more` : ''
  return `${failedFiles.length} files could not be analysed: ${named}${more}.`
}

/** The files summary for a narrow window: "2/3 done", "1/2 · 1 failed". */
export function shortFilesSummary(view: Pick<CaseView, 'files' | 'hasFileList'> & TriageInput): string {
  const { total, settled, failed } = fileCounts(view.files)
  const group = triageGroup(view)
  if (group === 'unreachable' && total === 0) return '—'
  if (total === 0) return view.hasFileList ? 'No files' : 'Checking…'
  if (group === 'waiting') return `${total} to upload`
  return failed > 0 ? `${settled}/${total} · ${failed} failed` : `${settled}/${total} done`
}
