import { mostSevereRisk } from '../../shared/case-view'
import { caseName, riskWord } from '../../shared/case-rules'
import type { Clock } from '../runtime/clock'
import type { CompletionAnnouncement } from '../monitor/case-monitor'

export interface CompletionNotice {
  title: string
  body: string
  /** The case to show when the notice is clicked; null for a summary of several. */
  caseId: string | null
}

const files = (count: number): string => `${count} ${count === 1 ? 'file' : 'files'}`

export function describeCompletion(announcement: CompletionAnnouncement): CompletionNotice {
  // High risk is what an analyst acts on first, so it leads the title; the body still says it was completed.
  const isHighRisk = announcement.risk === 'high'
  const parts = isHighRisk ? ['Analysis complete'] : []
  parts.push(files(announcement.fileCount))
  if (announcement.risk) parts.push(`${riskWord(announcement.risk)} risk`)
  if (announcement.failedFileCount > 0) parts.push(`${files(announcement.failedFileCount)} could not be analysed`)
  return {
    title: `${isHighRisk ? 'High risk' : 'Analysis complete'}: ${caseName(announcement)}`,
    body: parts.join(' · '),
    caseId: announcement.caseId,
  }
}

export function describeCompletions(announcements: readonly CompletionAnnouncement[]): CompletionNotice {
  if (announcements.length === 1) return describeCompletion(announcements[0]!)
  const worst = mostSevereRisk(announcements.map((a) => a.risk))
  const names = announcements.slice(0, 3).map((a) => caseName(a))
  const more = announcements.length > 3 ? ` and ${announcements.length - 3} more` : ''
  const highRisk = announcements.filter((a) => a.risk === 'high').length
  return {
    title: `${announcements.length} cases completed${highRisk > 0 ? ` · ${highRisk} high risk` : ''}`,
    body: `${names.join(', ')}${more}${worst ? ` · highest risk ${riskWord(worst)}` : ''}`,
    caseId: null,
  }
}

/**
 * Completions that land together become one notice, so adding a hundred finished cases is not a hundred
 * pop-ups. `show` says whether the notice reached the analyst; only then is each completion acknowledged,
 * so one lost to a quit inside the window, or refused by the system, is shown at the next start.
 */
export function createCompletionNotices(options: { clock: Clock; windowMs: number; show(notice: CompletionNotice): boolean }) {
  const batch = new Map<string, { announcement: CompletionAnnouncement; acknowledge(): void }>()
  let cancel: (() => void) | null = null
  const flush = (): void => {
    cancel = null
    const entries = [...batch.values()]
    batch.clear()
    if (entries.length === 0 || !options.show(describeCompletions(entries.map((entry) => entry.announcement)))) return
    for (const entry of entries) entry.acknowledge()
  }
  return {
    add(announcement: CompletionAnnouncement, acknowledge: () => void): void {
      batch.set(announcement.caseId, { announcement, acknowledge })
      cancel ??= options.clock.setTimeout(flush, options.windowMs)
    },
    dispose(): void {
      cancel?.()
      cancel = null
      batch.clear()
    },
  }
}
