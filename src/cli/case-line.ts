import { caseName, fileCounts, riskWord, settledShare, shortCaseId } from '../shared/case-rules'
import type { CaseView, FileView, WatchState } from '../shared/case-view'

/** The JSON Lines record for one change of a case (`watch --json`). */
export function caseRecord(view: CaseView): Record<string, unknown> {
  return {
    caseId: view.caseId,
    label: view.label,
    state: view.state,
    // Without live progress, the share of finished files is what is known.
    progress: view.progress ?? settledShare(view.files),
    files: view.files.map((file: FileView) => ({
      fileId: file.fileId,
      label: file.label,
      stage: file.stage,
      progress: file.progress,
      status: file.status,
      ...(file.risk ? { risk: file.risk } : {}),
    })),
    ...(view.risk ? { risk: view.risk } : {}),
    ...(view.problem ? { problem: view.problem } : {}),
    ...(view.nextAttemptAt ? { nextAttemptAt: new Date(view.nextAttemptAt).toISOString() } : {}),
  }
}

const isSameFileRecord = (a: FileView, b: FileView): boolean =>
  a === b ||
  (a.fileId === b.fileId &&
    a.label === b.label &&
    a.stage === b.stage &&
    a.progress === b.progress &&
    a.status === b.status &&
    a.risk === b.risk)

/**
 * Whether two views make the same `caseRecord`, without building either: most events of a busy stream
 * change nothing that record shows, and serialising it for each of them was most of the CLI's cost.
 */
export function isSameRecord(a: CaseView, b: CaseView): boolean {
  return (
    a.caseId === b.caseId &&
    a.label === b.label &&
    a.state === b.state &&
    a.progress === b.progress &&
    a.risk === b.risk &&
    a.nextAttemptAt === b.nextAttemptAt &&
    a.problem?.code === b.problem?.code &&
    a.problem?.message === b.problem?.message &&
    a.files.length === b.files.length &&
    a.files.every((file, index) => isSameFileRecord(file, b.files[index]!))
  )
}

const stateWords: Record<WatchState, string> = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  polling: 'polling',
  offline: 'offline',
  paused: 'paused',
  completed: 'completed',
  failed: 'failed',
  not_found: 'not found',
  unauthorized: 'key rejected',
}

function bar(progress: number, width: number): string {
  const filled = Math.round((progress / 100) * width)
  return '█'.repeat(filled) + '░'.repeat(width - filled)
}

/** One human line per case for a terminal. */
export function caseLine(view: CaseView, now: number): string {
  const name = caseName(view).slice(0, 28).padEnd(28)
  const { total, settled } = fileCounts(view.files)
  let state = stateWords[view.state]
  if (view.state === 'reconnecting' && view.nextAttemptAt) state += ` in ${Math.max(0, Math.ceil((view.nextAttemptAt - now) / 1000))}s`
  const risk = view.risk ? `  ${riskWord(view.risk)} risk` : ''
  const files = total > 0 ? `  ${settled}/${total} files` : ''
  const progress = view.progress ?? settledShare(view.files)
  return `${name} ${shortCaseId(view.caseId)}  ${bar(progress, 20)} ${String(progress).padStart(3)}%  ${state.padEnd(16)}${files}${risk}`
}
