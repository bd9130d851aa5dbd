import { computed, onScopeDispose, shallowReactive, type Ref } from 'vue'
import type { CaseView } from '@shared/case-view'

/** How long a removed row keeps its place while the pointer stays over the list. */
export const PLACEHOLDER_MS = 5_000

export interface RemovedPlaceholder {
  view: CaseView
  /** Its place in the displayed list when it was removed. */
  index: number
  /** The height its row had (px), kept exactly so nothing below moves. */
  height: number
}

/**
 * While the pointer is over the list, a removed row leaves a placeholder in its place, so the row below does not
 * slide under the pointer (and take the next click). The rows close up when the pointer leaves or after a while.
 */
export function useRemovalPlaceholders(visibleIds: Ref<readonly string[]>) {
  const held = shallowReactive(new Map<string, RemovedPlaceholder>())
  let isPointerInside = false
  let timer: ReturnType<typeof setTimeout> | undefined
  onScopeDispose(() => clearTimeout(timer))

  const displayIds = computed(() => {
    const ids = visibleIds.value.filter((caseId) => !held.has(caseId))
    const places = [...held.entries()].sort(([, a], [, b]) => a.index - b.index)
    for (const [caseId, { index }] of places) ids.splice(Math.min(index, ids.length), 0, caseId)
    return ids
  })

  function release(): void {
    clearTimeout(timer)
    held.clear()
  }

  /** Call with the row's displayed index and height taken before it was removed. */
  function hold(view: CaseView, index: number, height: number): void {
    if (!isPointerInside || index < 0) return
    held.set(view.caseId, { view, index, height })
    clearTimeout(timer)
    timer = setTimeout(release, PLACEHOLDER_MS)
  }

  return {
    displayIds,
    get: (caseId: string): RemovedPlaceholder | undefined => held.get(caseId),
    has: (caseId: string): boolean => held.has(caseId),
    hold,
    forget: (caseId: string): boolean => held.delete(caseId),
    onPointerEnter: (): void => void (isPointerInside = true),
    onPointerLeave: (): void => {
      isPointerInside = false
      release()
    },
  }
}
