import { mostSevereRisk } from '../../shared/case-view'
import { caseName, riskWord } from '../../shared/case-rules'
import type { CompletionAnnouncement, UnreachableCase } from '../monitor/case-monitor'

/** Several cases behind one notice: clicking it opens the list filtered to them, under this label. */
export interface NoticeGroup {
  label: string
  caseIds: string[]
}

export interface CompletionNotice {
  title: string
  body: string
  /** The case to show when the notice is clicked; null for a summary of several. */
  caseId: string | null
  /** The cases of a summary; null for a notice about one case. */
  group: NoticeGroup | null
}

/** Why pop-ups were held back: the words a summary uses when they may show again. */
export type QuietReason = 'do_not_disturb' | 'quiet_hours'

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
    group: null,
  }
}

const cases = (count: number): string => `${count} ${count === 1 ? 'case' : 'cases'}`

const namesOf = (items: readonly { caseId: string; label: string | null }[]): string => {
  const more = items.length > 3 ? ` and ${items.length - 3} more` : ''
  return `${items
    .slice(0, 3)
    .map((item) => caseName(item))
    .join(', ')}${more}`
}

function summary(announcements: readonly CompletionAnnouncement[], headline: string, groupLabel: string): CompletionNotice {
  const worst = mostSevereRisk(announcements.map((a) => a.risk))
  const highRisk = announcements.filter((a) => a.risk === 'high').length
  return {
    title: `${headline}${highRisk > 0 ? ` · ${highRisk} high risk` : ''}`,
    body: `${namesOf(announcements)}${worst ? ` · highest risk ${riskWord(worst)}` : ''}`,
    caseId: null,
    group: { label: groupLabel, caseIds: announcements.map((a) => a.caseId) },
  }
}

export function describeCompletions(announcements: readonly CompletionAnnouncement[]): CompletionNotice {
  if (announcements.length === 1) return describeCompletion(announcements[0]!)
  return summary(announcements, `${announcements.length} cases completed`, 'Completed together')
}

/** Completions found on coming back (after sleep, an offline spell or a restart): one summary, however many. */
export function describeAwayCompletions(announcements: readonly CompletionAnnouncement[]): CompletionNotice {
  if (announcements.length === 1) return describeCompletion(announcements[0]!)
  return summary(announcements, `${announcements.length} cases finished while you were away`, 'Finished while you were away')
}

const quietWords: Record<QuietReason, string> = { do_not_disturb: 'Do Not Disturb', quiet_hours: 'quiet hours' }

/** Completions whose pop-ups were held back, told once when they may show again. */
export function describeHeldCompletions(announcements: readonly CompletionAnnouncement[], reason: QuietReason): CompletionNotice {
  const during = `during ${quietWords[reason]}`
  return summary(announcements, `${cases(announcements.length)} finished ${during}`, `Finished ${during}`)
}

export function describeUnreachable(problems: readonly UnreachableCase[]): CompletionNotice {
  const caseIds = problems.map((problem) => problem.caseId)
  if (problems.some((problem) => problem.cause === 'key_rejected')) {
    return {
      title: 'Veridox rejected the API key',
      body: `${cases(problems.length)} cannot be followed until a valid key is saved in Settings.`,
      caseId: problems.length === 1 ? caseIds[0]! : null,
      group: problems.length === 1 ? null : { label: 'Key rejected', caseIds },
    }
  }
  if (problems.length === 1 && problems[0]!.cause === 'deleted') {
    return {
      title: `Case deleted in Veridox: ${caseName(problems[0]!)}`,
      body: 'Veridox no longer has this case (deleted, or moved out of your organisation); Case Monitor stopped following it.',
      caseId: caseIds[0]!,
      group: null,
    }
  }
  if (problems.length === 1) {
    return {
      title: `Case not found: ${caseName(problems[0]!)}`,
      body: 'Veridox has no case with this ID in the selected region; Case Monitor stopped following it.',
      caseId: caseIds[0]!,
      group: null,
    }
  }
  return {
    title: `${problems.length} cases not found`,
    body: `${namesOf(problems)} · Veridox has no cases with these IDs in the selected region, or they were deleted.`,
    caseId: null,
    group: { label: 'Not found', caseIds },
  }
}
