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
  /** Tells listeners the counts may have moved; they read `summary()` when they want it. */
  changed(): void
}

export function createCaseSummaryFeed(views: () => readonly CaseView[]): CaseSummaryFeed {
  const listeners = new Set<() => void>()
  return {
    summary: () => summarizeCases(views()),
    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    changed: () => listeners.forEach((listener) => listener()),
  }
}
