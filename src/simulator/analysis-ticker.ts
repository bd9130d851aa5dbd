import { advanceCase, completeCaseNow, type EventRecorder } from './case-analysis'
import type { SimCase } from './case-model'

export type AnalysisTicker = ReturnType<typeof createAnalysisTicker>

/** One timer advances every analysing case, instead of a timer per file, so thousands of cases stay cheap. */
export function createAnalysisTicker(deps: { tickMs: number; now: () => number; onRecorded: EventRecorder }) {
  const active = new Set<SimCase>()
  let timer: NodeJS.Timeout | null = null

  function stopIfIdle(): void {
    if (active.size === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }

  function tick(): void {
    const now = deps.now()
    for (const c of active) {
      if (c.isDeleted || advanceCase(c, now, deps.onRecorded)) active.delete(c)
    }
    stopIfIdle()
  }

  return {
    /** The case's timeline must already be laid out (startCaseAnalysis). Due entries happen at once. */
    track(c: SimCase): void {
      if (advanceCase(c, deps.now(), deps.onRecorded)) return
      active.add(c)
      if (!timer) timer = setInterval(tick, deps.tickMs).unref()
    },
    completeNow(c: SimCase): void {
      completeCaseNow(c, deps.now(), deps.onRecorded)
      active.delete(c)
      stopIfIdle()
    },
    activeCount: (): number => active.size,
    close(): void {
      active.clear()
      stopIfIdle()
    },
  }
}
