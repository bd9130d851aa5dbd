import { defineStore } from 'pinia'
import { computed, ref, shallowReactive } from 'vue'
import { countTriageGroups, triageGroup } from '@shared/case-triage'
import { compareCases, matchesQuery, matchesRisk, normalizeQuery, type CaseFilter, type CaseSort, type RiskFilter } from '../case-order'
import type { Events } from '@shared/ipc'
import { useCasesStore } from './cases'

/** The cases of a notification about several ("Finished while you were away"), shown alone until its chip is removed. */
export type CaseGroupFilter = Events['casesFocused']

export interface FocusRequest {
  caseId: string
  /** Move keyboard focus to the row too (a notification was clicked), not only scroll and highlight. */
  moveFocus: boolean
}

/** Cases per filter chip, plus how many are stopped by a rejected key (shown once, above the list) and how many are new. */
export type CaseCounts = Record<CaseFilter, number> & { keyRejected: number; unseen: number }

/** How the analyst is looking at the list: filter, search, sort, expanded rows and focus. */
export const useCaseListStore = defineStore('case-list', () => {
  const cases = useCasesStore()
  const filter = ref<CaseFilter>('all')
  const risk = ref<RiskFilter>('any')
  const query = ref('')
  const sort = ref<CaseSort>('triage')
  const expanded = shallowReactive(new Set<string>())
  /** A case to scroll to and highlight, until the list has done so. */
  const focusRequest = ref<FocusRequest | null>(null)
  const group = ref<CaseGroupFilter | null>(null)

  const counts = computed(() => {
    void cases.layoutVersion
    const views = [...cases.untrackedAll()]
    const keyRejected = views.filter((view) => view.state === 'unauthorized').length
    const unseen = views.filter((view) => view.isUnseen).length
    return { all: views.length, ...countTriageGroups(views), keyRejected, unseen } satisfies CaseCounts
  })

  /**
   * Every case in the chosen order. Sorted on layout changes and sort choices only: hundreds of progress ticks
   * a second cost no sorting, and neither does a keystroke in the search box.
   */
  const sortedViews = computed(() => {
    void cases.layoutVersion
    return [...cases.untrackedAll()].sort((a, b) => compareCases(sort.value, a, b))
  })

  /** The sorted cases that pass the filters and the search: one linear pass. */
  const visibleIds = computed(() => {
    const inGroup = group.value ? new Set(group.value.caseIds) : null
    const needle = normalizeQuery(query.value)
    const ids: string[] = []
    for (const view of sortedViews.value) {
      if (inGroup && !inGroup.has(view.caseId)) continue
      const isInGroup = filter.value === 'all' || triageGroup(view) === filter.value
      if (isInGroup && matchesRisk(view, risk.value) && matchesQuery(view, needle)) ids.push(view.caseId)
    }
    return ids
  })

  function toggleExpanded(caseId: string): void {
    if (expanded.delete(caseId)) return
    expanded.add(caseId)
    markOpened(caseId)
  }

  /** Opening a case is seeing its result. */
  function markOpened(caseId: string): void {
    if (cases.get(caseId)?.isUnseen) void cases.markSeen([caseId])
  }

  function markAllSeen(): Promise<void> {
    const unseen = [...cases.untrackedAll()].filter((view) => view.isUnseen).map((view) => view.caseId)
    return cases.markSeen(unseen)
  }

  function clearFilters(): void {
    filter.value = 'all'
    risk.value = 'any'
    query.value = ''
    group.value = null
  }

  function requestFocus(caseId: string, { moveFocus = true }: { moveFocus?: boolean } = {}): void {
    if (!visibleIds.value.includes(caseId)) clearFilters()
    focusRequest.value = { caseId, moveFocus }
  }

  /** A notification about the case was clicked: it is brought into view and focus with its detail open. */
  function openCase(caseId: string): void {
    expanded.add(caseId)
    markOpened(caseId)
    requestFocus(caseId)
  }

  function showGroup(shown: CaseGroupFilter): void {
    clearFilters()
    group.value = { label: shown.label, caseIds: shown.caseIds.slice() }
  }

  function clearGroup(): void {
    group.value = null
  }

  return {
    filter,
    risk,
    query,
    sort,
    expanded,
    focusRequest,
    group,
    counts,
    visibleIds,
    toggleExpanded,
    markAllSeen,
    clearFilters,
    requestFocus,
    openCase,
    showGroup,
    clearGroup,
  }
})
