import type { CaseView, RiskLevel } from '@shared/case-view'
import { riskLevels } from '@shared/case-view'
import { caseName } from '@shared/case-rules'
import { triageGroup, triageGroups, type TriageGroup } from '@shared/case-triage'

export type CaseFilter = 'all' | TriageGroup
export type RiskFilter = 'any' | RiskLevel | 'unknown'
export const caseSorts = ['triage', 'risk', 'updated', 'progress', 'name', 'recent'] as const
export type CaseSort = (typeof caseSorts)[number]

const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

// Higher is more severe; an unknown risk ranks below every known one.
const riskRank = (risk: RiskLevel | null): number => (risk === null ? -1 : riskLevels.indexOf(risk))
// A CaseView is replaced whole, never changed, so its group can be kept per object: a sort asks it O(n log n) times.
const groupOfView = new WeakMap<CaseView, TriageGroup>()
function cachedGroup(view: CaseView): TriageGroup {
  let group = groupOfView.get(view)
  if (group === undefined) groupOfView.set(view, (group = triageGroup(view)))
  return group
}
const groupRank = (view: CaseView): number => triageGroups.indexOf(cachedGroup(view))
const progressOf = (view: CaseView): number => (view.state === 'completed' ? 100 : (view.progress ?? -1))

/** Needs me first: the triage groups in order; to review, the most severe first; then the latest news. */
function byTriage(a: CaseView, b: CaseView): number {
  const group = groupRank(a) - groupRank(b)
  if (group !== 0) return group
  const risk = cachedGroup(a) === 'review' ? riskRank(b.risk) - riskRank(a.risk) : 0
  if (risk !== 0) return risk
  return (b.completedAt ?? 0) - (a.completedAt ?? 0) || b.addedAt - a.addedAt
}

const comparators: Record<CaseSort, (a: CaseView, b: CaseView) => number> = {
  triage: byTriage,
  risk: (a, b) => riskRank(b.risk) - riskRank(a.risk) || byTriage(a, b),
  updated: (a, b) => b.updatedAt - a.updatedAt,
  progress: (a, b) => progressOf(b) - progressOf(a) || byTriage(a, b),
  name: (a, b) => nameCollator.compare(caseName(a), caseName(b)) || b.addedAt - a.addedAt,
  recent: (a, b) => b.addedAt - a.addedAt,
}

/** Pinned cases stay on top whatever the sort; the caseId tie-break keeps the order stable. */
export function compareCases(sort: CaseSort, a: CaseView, b: CaseView): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1
  return comparators[sort](a, b) || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
}

export function matchesRisk(view: CaseView, risk: RiskFilter): boolean {
  if (risk === 'any') return true
  return risk === 'unknown' ? view.risk === null : view.risk === risk
}

export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase()
}

/** `needle` as normalizeQuery gives it, so a search over thousands of cases normalises it once. */
export function matchesQuery(view: CaseView, needle: string): boolean {
  if (needle === '') return true
  return (
    view.caseId.includes(needle) ||
    (view.label?.toLowerCase().includes(needle) ?? false) ||
    (view.localLabel?.toLowerCase().includes(needle) ?? false)
  )
}

/**
 * Whether a change can move the case in the list or between filters. Progress ticks and `updatedAt` cannot:
 * the "progress" and "last update" orders are refreshed on the next layout change, so rows do not jump under
 * the pointer several times a second and hundreds of ticks a second cost no sorting.
 */
export function changesLayout(before: CaseView, after: CaseView): boolean {
  return (
    before.state !== after.state ||
    before.label !== after.label ||
    before.localLabel !== after.localLabel ||
    before.isPinned !== after.isPinned ||
    before.completedAt !== after.completedAt ||
    before.addedAt !== after.addedAt ||
    before.risk !== after.risk ||
    before.isUnseen !== after.isUnseen ||
    triageGroup(before) !== triageGroup(after)
  )
}
