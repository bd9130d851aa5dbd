import type { FileView } from '@shared/case-view'
import { fileCounts } from '@shared/case-rules'

export { fileName, fileStatusName, stageName } from '@shared/file-words'

export function filesSummary(files: readonly FileView[], isUnknown = false): string {
  const { total, settled, failed } = fileCounts(files)
  if (total === 0) return isUnknown ? 'Checking files…' : 'No files yet'
  const parts = [`${total} ${total === 1 ? 'file' : 'files'}`, `${settled} done`]
  if (failed > 0) parts.push(`${failed} failed`)
  return parts.join(' · ')
}
