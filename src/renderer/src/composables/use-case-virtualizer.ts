import { computed, nextTick, onScopeDispose, ref, watch, type Ref } from 'vue'
import { useVirtualizer, type Virtualizer } from '@tanstack/vue-virtual'
import type { Density } from '@shared/backend'

// A row's height with its bottom border, as CaseRow.vue and density.css draw it.
const ROW_ESTIMATE: Record<Density, number> = { comfortable: 53, compact: 27 }
// The sticky column header at the top of the scroller (CaseList.vue's --columns-height): rows start below it.
const COLUMNS_HEIGHT = 32
const HIGHLIGHT_MS = 3_000
const FOCUS_ATTEMPTS = 6
const FRAME_MS = 16

/** The virtualised window over `caseIds`: which rows to render, which are on screen, and scrolling to one. */
export function useCaseVirtualizer(
  caseIds: Ref<readonly string[]>,
  scrollElement: Readonly<Ref<HTMLElement | null>>,
  density: () => Density = () => 'comfortable',
) {
  const virtualizer = useVirtualizer(
    computed(() => ({
      count: caseIds.value.length,
      getScrollElement: () => scrollElement.value,
      estimateSize: () => ROW_ESTIMATE[density()],
      paddingStart: COLUMNS_HEIGHT,
      scrollPaddingStart: COLUMNS_HEIGHT,
      overscan: 3,
      getItemKey: (index: number) => caseIds.value[index] ?? index,
      // Sizes come from the ResizeObserver the virtualiser puts on each row, after the browser's own layout; a row
      // not observed yet keeps its last size or the estimate. Reading the size on mount would force a layout per
      // render of new rows (the top cost of a keystroke in search, in the UI benchmark's profile).
      measureElement: (element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>) => {
        const box = entry?.borderBoxSize?.[0]
        if (box) return Math.round(box.blockSize)
        const key = instance.options.getItemKey(instance.indexFromElement(element))
        return instance.itemSizeCache.get(key) ?? ROW_ESTIMATE[density()]
      },
    })),
  )

  // Heights measured in the other density are wrong now: measure every row again.
  watch(density, () => virtualizer.value.measure())

  const items = computed(() => virtualizer.value.getVirtualItems())
  const totalSize = computed(() => virtualizer.value.getTotalSize())

  // The range without overscan: the rows the analyst can actually see.
  const onScreenIds = computed(() => {
    void items.value
    const range = virtualizer.value.range
    return range ? caseIds.value.slice(range.startIndex, range.endIndex + 1) : []
  })

  // Rows grow when expanded or when a problem line appears: each row is handed to the virtualiser once, when it
  // appears, to be observed (measureElement above reads no layout). Vue calls this ref on every render.
  const measured = new WeakSet<Element>()
  function measure(element: unknown): void {
    if (!(element instanceof Element) || measured.has(element)) return
    measured.add(element)
    virtualizer.value.measureElement(element)
  }

  const highlightedId = ref<string | null>(null)
  let highlightTimer: ReturnType<typeof setTimeout> | undefined
  onScopeDispose(() => clearTimeout(highlightTimer))

  async function scrollToCase(caseId: string, moveFocus: boolean): Promise<void> {
    const index = caseIds.value.indexOf(caseId)
    if (index < 0) return
    virtualizer.value.scrollToIndex(index, { align: 'center' })
    highlightedId.value = caseId
    clearTimeout(highlightTimer)
    highlightTimer = setTimeout(() => (highlightedId.value = null), HIGHLIGHT_MS)
    if (!moveFocus) return
    await nextTick()
    scrollElement.value?.querySelector<HTMLElement>(`[data-case-id="${caseId}"]`)?.focus({ preventScroll: true })
  }

  /**
   * Moves keyboard focus to a case's row (or to `selector` inside it), scrolling it into view first: the row may not
   * be rendered until the virtualiser has seen the scroll, so this waits a few frames for it.
   */
  async function focusCase(caseId: string, selector?: string): Promise<boolean> {
    const index = caseIds.value.indexOf(caseId)
    if (index < 0) return false
    virtualizer.value.scrollToIndex(index, { align: 'auto' })
    for (let attempt = 0; attempt < FOCUS_ATTEMPTS; attempt++) {
      await nextTick()
      const row = scrollElement.value?.querySelector<HTMLElement>(`[data-case-id="${caseId}"]`)
      if (row) {
        const target = (selector && row.querySelector<HTMLElement>(selector)) || row
        target.focus({ preventScroll: true })
        return true
      }
      await new Promise((resolve) => setTimeout(resolve, FRAME_MS))
    }
    return false
  }

  return { items, totalSize, onScreenIds, measure, highlightedId, scrollToCase, focusCase }
}
