import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { REPORT_DELAY_MS, useVisibleCaseReport } from './use-visible-case-report'

describe('useVisibleCaseReport', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setup() {
    const ids = ref<string[]>([])
    const report = vi.fn()
    const scope = effectScope()
    scope.run(() => useVisibleCaseReport(ids, report))
    return { ids, report, scope }
  }

  it('reports once the list has been still for the delay', async () => {
    const { ids, report } = setup()
    ids.value = ['a', 'b']
    await nextTick()
    vi.advanceTimersByTime(REPORT_DELAY_MS - 1)
    ids.value = ['b', 'c']
    await nextTick()
    vi.advanceTimersByTime(REPORT_DELAY_MS - 1)
    expect(report).not.toHaveBeenCalled()

    vi.advanceTimersByTime(1)
    expect(report).toHaveBeenCalledExactlyOnceWith(['b', 'c'])
  })

  it('does not repeat a report for the same cases in a new array', async () => {
    const { ids, report } = setup()
    ids.value = ['a']
    await nextTick()
    vi.advanceTimersByTime(REPORT_DELAY_MS)
    ids.value = ['a']
    await nextTick()
    vi.advanceTimersByTime(REPORT_DELAY_MS)
    expect(report).toHaveBeenCalledTimes(1)
  })

  it('stops when its scope ends', async () => {
    const { ids, report, scope } = setup()
    ids.value = ['a']
    await nextTick()
    scope.stop()
    vi.advanceTimersByTime(REPORT_DELAY_MS)
    expect(report).not.toHaveBeenCalled()
  })
})
