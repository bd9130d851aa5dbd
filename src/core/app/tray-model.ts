import { caseName, countCaseGroups, fileCounts, isInProgress, riskWord } from '../../shared/case-rules'
import type { CaseView } from '../../shared/case-view'

/** The tray's glyphs, one file set each in resources/tray (scripts/make-icons.mjs). */
export const trayStates = ['idle', 'analysing', 'attention', 'degraded', 'dnd'] as const
export type TrayState = (typeof trayStates)[number]

/**
 * When several states hold, the first wins. Attention first: a result or a failure waits for the analyst,
 * and with do-not-disturb on the tray is the only place it shows. Degraded next: the counts may be stale.
 * Do-not-disturb above analysing, so a silenced app is recognisable as silenced.
 */
const statePriority: readonly TrayState[] = ['attention', 'degraded', 'dnd', 'analysing', 'idle']

// Lists are capped so the menu stays usable with hundreds of cases.
export const maxCasesInAnalysis = 8
export const maxLatestCompletions = 5
// Progress in steps of 10%: the menu is rebuilt when its text changes, and per-percent text would rebuild it all the time.
const progressStepPercent = 10
const maxLabelLength = 60
// Windows truncates a tray tooltip at 127 characters (NOTIFYICONDATA szTip).
const maxTooltipLength = 127

export interface TrayInputs {
  views: readonly CaseView[]
  isPaused: boolean
  doNotDisturb: boolean
  /** Inside the analyst's quiet hours: pop-ups are held back as under do not disturb, which itself stays as set. */
  isQuietHours: boolean
}

export type TrayCommand = 'showWindow' | 'togglePause' | 'toggleDoNotDisturb' | 'quit'

export type TrayMenuItem =
  | { kind: 'heading'; label: string }
  | { kind: 'case'; caseId: string; label: string }
  | { kind: 'separator' }
  | { kind: 'command'; command: TrayCommand; label: string }
  | { kind: 'toggle'; command: TrayCommand; label: string; isChecked: boolean }

export interface TrayModel {
  state: TrayState
  /** Cases in analysis. */
  count: number
  /** Beside the icon on macOS: the count, or nothing. */
  title: string
  tooltip: string
  menu: TrayMenuItem[]
}

// Electron reads `&` in a label as a Windows access key; doubling it shows the character.
const menuText = (text: string): string => {
  const short = text.length > maxLabelLength - 5 ? `${text.slice(0, maxLabelLength - 6)}…` : text
  return short.replace(/&/g, '&&')
}

const isDegraded = (view: CaseView): boolean =>
  isInProgress(view.state) &&
  (view.state === 'reconnecting' ||
    view.state === 'offline' ||
    view.problem?.code === 'rate_limited' ||
    // A poll with a problem is a stream that failed over; a plain poll only means no stream slot was free.
    (view.followedBy === 'poll' && view.problem !== null))

function progressText(view: CaseView): string {
  if (view.progress === null) return 'starting'
  return `${Math.floor(view.progress / progressStepPercent) * progressStepPercent}%`
}

function completionText(view: CaseView): string {
  const notes = [
    ...(view.risk === 'high' ? [`${riskWord('high')} risk`] : []),
    ...(fileCounts(view.files).failed > 0 ? ['file failed'] : []),
    ...(view.isUnseen ? ['new'] : []),
  ]
  return notes.length === 0 ? caseName(view) : `${caseName(view)} — ${notes.join(' · ')}`
}

function tooltipOf(inputs: TrayInputs, unseen: readonly CaseView[], isAnyDegraded: boolean): string {
  const counts = countCaseGroups(inputs.views)
  const parts = [`${counts.in_progress} analysing`, `${counts.completed} completed`]
  if (counts.attention > 0) parts.push(`${counts.attention} need attention`)
  if (unseen.length > 0) {
    const high = unseen.filter((view) => view.risk === 'high').length
    parts.push(`${unseen.length} new result${unseen.length === 1 ? '' : 's'}${high > 0 ? ` (${high} high risk)` : ''}`)
  }
  if (inputs.isPaused) parts.push('paused')
  else if (isAnyDegraded) parts.push('connection degraded')
  if (inputs.doNotDisturb) parts.push('do not disturb')
  else if (inputs.isQuietHours) parts.push('quiet hours')
  const text = `Case Monitor — ${parts.join(', ')}`
  return text.length > maxTooltipLength ? `${text.slice(0, maxTooltipLength - 1)}…` : text
}

export function describeTray(inputs: TrayInputs): TrayModel {
  const inAnalysis = inputs.views.filter((view) => isInProgress(view.state))
  const completions = inputs.views.filter((view) => view.state === 'completed').sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0))
  const unseen = completions.filter((view) => view.isUnseen)
  const isAnyDegraded = inAnalysis.some(isDegraded)
  const holds: Record<TrayState, boolean> = {
    attention: unseen.length > 0 || countCaseGroups(inputs.views).attention > 0,
    degraded: inputs.isPaused || isAnyDegraded,
    dnd: inputs.doNotDisturb || inputs.isQuietHours,
    analysing: inAnalysis.length > 0,
    idle: true,
  }
  const state = statePriority.find((candidate) => holds[candidate])!

  const menu: TrayMenuItem[] = []
  if (inAnalysis.length > 0) {
    menu.push({ kind: 'heading', label: 'In analysis' })
    for (const view of inAnalysis.slice(0, maxCasesInAnalysis)) {
      menu.push({ kind: 'case', caseId: view.caseId, label: menuText(`${caseName(view)} — ${progressText(view)}`) })
    }
    if (inAnalysis.length > maxCasesInAnalysis) menu.push({ kind: 'heading', label: `and ${inAnalysis.length - maxCasesInAnalysis} more` })
    menu.push({ kind: 'separator' })
  }
  if (completions.length > 0) {
    menu.push({ kind: 'heading', label: 'Latest completions' })
    for (const view of completions.slice(0, maxLatestCompletions)) {
      menu.push({ kind: 'case', caseId: view.caseId, label: menuText(completionText(view)) })
    }
    menu.push({ kind: 'separator' })
  }
  menu.push(
    { kind: 'command', command: 'showWindow', label: 'Show Case Monitor' },
    { kind: 'toggle', command: 'togglePause', label: 'Pause watching', isChecked: inputs.isPaused },
    { kind: 'toggle', command: 'toggleDoNotDisturb', label: 'Do not disturb', isChecked: inputs.doNotDisturb },
    { kind: 'separator' },
    { kind: 'command', command: 'quit', label: 'Quit' },
  )

  return {
    state,
    count: inAnalysis.length,
    title: inAnalysis.length > 0 ? String(inAnalysis.length) : '',
    tooltip: tooltipOf(inputs, unseen, isAnyDegraded),
    menu,
  }
}
