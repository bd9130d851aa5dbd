import { countCaseGroups } from '../../shared/case-rules'
import type { CaseView } from '../../shared/case-view'

/** The tray's counts: every watched case is in exactly one of them. */
export interface CaseSummary {
  inProgress: number
  completed: number
  needsAttention: number
}

export function summarizeCases(views: Iterable<Pick<CaseView, 'state'>>): CaseSummary {
  const counts = countCaseGroups(views)
  return { inProgress: counts.in_progress, completed: counts.completed, needsAttention: counts.attention }
}

export interface CaseSummaryFeed {
  summary(): CaseSummary
  onChanged(listener: () => void): () => void
  /** The counts may have moved: listeners hear of it only when they did, so the tray is not redrawn per batch. */
  changed(): void
}

export function createCaseSummaryFeed(views: () => readonly CaseView[]): CaseSummaryFeed {
  const listeners = new Set<() => void>()
  let last = ''
  return {
    summary: () => summarizeCases(views()),
    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    changed() {
      const now = JSON.stringify(summarizeCases(views()))
      if (now === last) return
      last = now
      listeners.forEach((listener) => listener())
    },
  }
}
