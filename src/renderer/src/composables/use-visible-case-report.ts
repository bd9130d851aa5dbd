import { onScopeDispose, watch, type Ref } from 'vue'

export const REPORT_DELAY_MS = 300

/**
 * Tells main which cases are on screen so their streams open first. Debounced: scrolling through
 * five hundred rows should cost one message when the analyst stops, not one per frame.
 */
export function useVisibleCaseReport(caseIds: Ref<readonly string[]>, report: (caseIds: string[]) => unknown): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastReported: string | null = ''

  function flush(): void {
    timer = undefined
    const ids = [...caseIds.value]
    const key = ids.join(',')
    if (key === lastReported) return
    lastReported = key
    Promise.resolve(report(ids)).catch(() => {
      lastReported = null
    })
  }

  // Keyed by content: a new array with the same cases (a progress tick re-rendering rows) is no change.
  watch(
    () => caseIds.value.join(','),
    () => {
      clearTimeout(timer)
      timer = setTimeout(flush, REPORT_DELAY_MS)
    },
    { immediate: true },
  )
  onScopeDispose(() => clearTimeout(timer))
}
