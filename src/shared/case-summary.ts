import { caseName, fileCounts, riskWord } from './case-rules'
import type { CaseView, FileView } from './case-view'
import { fileName, fileStatusName, stageName } from './file-words'

/** A ticket is plain text: one line per fact, whatever a label or a reason holds. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** UTC and to the second: a ticket is read in other time zones, and this is what a log search needs. */
const utcTime = (epochMs: number): string => `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`

function fileLine(file: FileView): string {
  const name = oneLine(fileName(file))
  switch (file.status) {
    case 'success':
      return `- ${name}: ${fileStatusName('success')}, ${file.risk ? `${riskWord(file.risk)} risk` : 'risk not known yet'}`
    case 'failed':
      return `- ${name}: ${fileStatusName('failed')}${file.failureReason ? `: ${oneLine(file.failureReason)}` : ' (Veridox gave no reason)'}`
    case 'processing':
      return `- ${name}: ${fileStatusName('processing')}${file.stage ? ` (${stageName(file.stage)})` : ''}`
    case 'waiting':
      return `- ${name}: ${fileStatusName('waiting')}`
  }
}

/**
 * What an analyst pastes into a ticket about a case. `state` is the words the window shows for it;
 * `link` is the case on the Veridox dashboard, when there is one.
 */
export function caseSummaryText(view: CaseView, options: { state: string; link: string | null }): string {
  const { total, failed } = fileCounts(view.files)
  const lines = [
    `Case: ${oneLine(caseName(view))}`,
    `Case ID: ${view.caseId}`,
    `State: ${options.state}`,
    `Overall risk: ${view.risk ? riskWord(view.risk) : 'not known yet'}`,
    `Completed: ${view.completedAt === null ? 'not yet' : utcTime(view.completedAt)}`,
    `Files (${total}${failed > 0 ? `, ${failed} failed` : ''}):`,
    ...view.files.map(fileLine),
  ]
  if (options.link) lines.push(`Veridox: ${options.link}`)
  return lines.join('\n')
}
