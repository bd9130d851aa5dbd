import type { CaseView } from '@shared/case-view'
import { caseGroup, type CaseGroup } from '@shared/case-rules'

export type CaseFilter = 'all' | CaseGroup
export type CaseSort = 'attention' | 'recent' | 'label'

const groupRank: Record<CaseGroup, number> = { attention: 0, in_progress: 1, completed: 2 }

const labelCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function byLabel(a: CaseView, b: CaseView): number {
  if (a.label === null || b.label === null) return a.label === b.label ? 0 : a.label === null ? 1 : -1
  return labelCollator.compare(a.label, b.label)
}

function byAttention(a: CaseView, b: CaseView): number {
  const group = groupRank[caseGroup(a.state)] - groupRank[caseGroup(b.state)]
  if (group !== 0) return group
  if (a.state === 'completed') return (b.completedAt ?? 0) - (a.completedAt ?? 0) || b.addedAt - a.addedAt
  return b.addedAt - a.addedAt
}

const comparators: Record<CaseSort, (a: CaseView, b: CaseView) => number> = {
  attention: byAttention,
  recent: (a, b) => b.addedAt - a.addedAt,
  label: (a, b) => byLabel(a, b) || b.addedAt - a.addedAt,
}

/** Pinned cases stay on top whatever the sort; the caseId tie-break keeps the order stable. */
export function compareCases(sort: CaseSort, a: CaseView, b: CaseView): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1
  return comparators[sort](a, b) || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
}

export function matchesQuery(view: CaseView, query: string): boolean {
  const needle = query.trim().toLowerCase()
  if (needle === '') return true
  return (
    view.caseId.includes(needle) ||
    (view.label?.toLowerCase().includes(needle) ?? false) ||
    (view.localLabel?.toLowerCase().includes(needle) ?? false)
  )
}

/** Whether a change can move the case in the list or between filters; progress ticks cannot. */
export function changesLayout(before: CaseView, after: CaseView): boolean {
  return (
    before.state !== after.state ||
    before.label !== after.label ||
    before.localLabel !== after.localLabel ||
    before.isPinned !== after.isPinned ||
    before.completedAt !== after.completedAt ||
    before.addedAt !== after.addedAt
  )
}
