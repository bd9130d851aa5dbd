import type { CaseView } from '../../shared/case-view'
import type { Events } from '../../shared/ipc'
import type { Clock } from '../runtime/clock'
import { createPacedCall } from '../runtime/paced-call'

export type EventSink = <E extends keyof Events>(event: E, payload: Events[E]) => void

export interface DeltaBatcher {
  changed(caseId: string): void
  removed(caseId: string): void
  flush(): void
  dispose(): void
}

/**
 * Case updates can arrive thousands of times a second; the renderer gets at most one message per
 * interval, holding the latest view of each case that changed in it. A change after a quiet spell leaves at the
 * end of the current turn, not an interval later: what the analyst sees lags a busy stream by one interval at most.
 */
export function createDeltaBatcher(options: {
  clock: Clock
  intervalMs: number
  view(caseId: string): CaseView | null
  send: EventSink
  onFlushed?(): void
}): DeltaBatcher {
  const pendingChanges = new Set<string>()
  const pendingRemovals = new Set<string>()
  const paced = createPacedCall(options.clock, options.intervalMs, flushPending)

  function flushPending(): void {
    if (pendingRemovals.size > 0) {
      options.send('casesRemoved', [...pendingRemovals])
      pendingRemovals.clear()
    }
    const views: CaseView[] = []
    for (const caseId of pendingChanges) {
      const view = options.view(caseId)
      if (view) views.push(view)
    }
    pendingChanges.clear()
    if (views.length > 0) options.send('casesChanged', views)
    options.onFlushed?.()
  }

  const arm = (): void => paced.request()

  return {
    changed(caseId) {
      pendingRemovals.delete(caseId)
      pendingChanges.add(caseId)
      arm()
    },
    removed(caseId) {
      pendingChanges.delete(caseId)
      pendingRemovals.add(caseId)
      arm()
    },
    flush: paced.runNow,
    dispose() {
      paced.cancel()
      pendingChanges.clear()
      pendingRemovals.clear()
    },
  }
}
