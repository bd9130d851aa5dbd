import type { CaseView, FileStatus, FileView, RiskLevel, WatchState } from './case-view'

// The domain rules that the app's main process, its window and the CLI must agree on (STYLE.md, principle 14).

/** The label the analyst gave the case, trimmed; null when there is none worth showing. */
export function caseLabel(label: string | null): string | null {
  const trimmed = label?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

// UUIDv7 IDs start with a timestamp, so cases created together share their first characters; the random tail
// tells them apart.
export function shortCaseId(caseId: string): string {
  return `…${caseId.slice(-8)}`
}

/** What a case is called everywhere: in the list, in notifications and in the CLI. */
export function caseName(view: Pick<CaseView, 'caseId' | 'label'> & { localLabel?: string | null }): string {
  return caseLabel(view.localLabel ?? null) ?? caseLabel(view.label) ?? `Case ${shortCaseId(view.caseId)}`
}

/** A settled file has its result: nothing more will happen to it. */
export function isFileSettled(status: FileStatus): boolean {
  return status === 'success' || status === 'failed'
}

export interface FileCounts {
  total: number
  settled: number
  failed: number
}

export function fileCounts(files: readonly Pick<FileView, 'status'>[]): FileCounts {
  let settled = 0
  let failed = 0
  for (const file of files) {
    if (isFileSettled(file.status)) settled += 1
    if (file.status === 'failed') failed += 1
  }
  return { total: files.length, settled, failed }
}

/** The share of files that are settled (0–100): what is known even without live progress. */
export function settledShare(files: readonly Pick<FileView, 'status'>[]): number {
  const { total, settled } = fileCounts(files)
  return total === 0 ? 0 : Math.round((100 * settled) / total)
}

/**
 * States after which nothing more will happen to the case without the analyst acting. A rejected key is not
 * among them: following resumes by itself once a working key is saved.
 */
const terminalStates = ['completed', 'failed', 'not_found'] as const satisfies readonly WatchState[]
export type TerminalWatchState = (typeof terminalStates)[number]
export const terminalWatchStates: ReadonlySet<WatchState> = new Set(terminalStates)

export function isTerminalState(state: WatchState): state is TerminalWatchState {
  return terminalWatchStates.has(state)
}

/** The groups the list filters by and the tray counts: every state belongs to exactly one. */
export type CaseGroup = 'attention' | 'in_progress' | 'completed'

// Attention: the case stopped short of a result (or the key was rejected) and only the analyst can move it on.
const groupOf: Record<WatchState, CaseGroup> = {
  connecting: 'in_progress',
  live: 'in_progress',
  reconnecting: 'in_progress',
  polling: 'in_progress',
  offline: 'in_progress',
  paused: 'in_progress',
  completed: 'completed',
  failed: 'attention',
  not_found: 'attention',
  unauthorized: 'attention',
}

export function caseGroup(state: WatchState): CaseGroup {
  return groupOf[state]
}

export function needsAttention(state: WatchState): boolean {
  return groupOf[state] === 'attention'
}

/** Still being followed towards a result, whether live, polled or waiting for the network. */
export function isInProgress(state: WatchState): boolean {
  return groupOf[state] === 'in_progress'
}

export function countCaseGroups(views: Iterable<Pick<CaseView, 'state'>>): Record<CaseGroup, number> {
  const counts: Record<CaseGroup, number> = { attention: 0, in_progress: 0, completed: 0 }
  for (const view of views) counts[groupOf[view.state]] += 1
  return counts
}

const riskWords: Record<RiskLevel, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Informational',
}

export function riskWord(level: RiskLevel): string {
  return riskWords[level]
}
