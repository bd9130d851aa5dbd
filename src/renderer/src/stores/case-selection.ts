import { defineStore } from 'pinia'
import { computed, ref, shallowReactive } from 'vue'
import { useCaseListStore } from './case-list'

/** The cases ticked for a bulk action. Only the ticked cases still shown count, so a filter never hides what is acted on. */
export const useCaseSelectionStore = defineStore('case-selection', () => {
  const list = useCaseListStore()
  const ticked = shallowReactive(new Set<string>())
  /** Where a shift-click range starts: the last case ticked or unticked on its own. */
  const anchor = ref<string | null>(null)

  const selectedIds = computed(() => list.visibleIds.filter((caseId) => ticked.has(caseId)))
  const isAllShownSelected = computed(() => list.visibleIds.length > 0 && selectedIds.value.length === list.visibleIds.length)

  function toggle(caseId: string, { isRange = false }: { isRange?: boolean } = {}): void {
    const ids = list.visibleIds
    const from = anchor.value === null ? -1 : ids.indexOf(anchor.value)
    const to = ids.indexOf(caseId)
    if (isRange && from >= 0 && to >= 0) {
      for (const id of ids.slice(Math.min(from, to), Math.max(from, to) + 1)) ticked.add(id)
      return
    }
    if (!ticked.delete(caseId)) ticked.add(caseId)
    anchor.value = caseId
  }

  function toggleAllShown(): void {
    if (isAllShownSelected.value) clear()
    else for (const caseId of list.visibleIds) ticked.add(caseId)
  }

  function clear(): void {
    ticked.clear()
    anchor.value = null
  }

  const has = (caseId: string): boolean => ticked.has(caseId)

  return { selectedIds, isAllShownSelected, toggle, toggleAllShown, clear, has }
})
