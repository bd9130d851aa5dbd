import { createRepeatingTask, type RepeatingTask } from '../runtime/repeating-task'
import { isAbort, isFollowed, type MonitorContext } from './monitor-context'
import type { TrackedCase } from './tracked-case'

const tickMs = 500

/**
 * Follows cases whose stream is blocked or keeps failing through /progress/poll?last_event_id=…,
 * the documented fallback. Polls share one hourly budget per key, so the busiest cases go first.
 */
export function createPoller(context: MonitorContext): RepeatingTask {
  const { clock, tuning } = context
  const inFlight = new Set<string>()

  function tick(): boolean {
    if (!context.isRunning()) return false
    const now = clock.now()
    for (const tracked of context.cases.values()) {
      if (!isFollowed(tracked) || !context.isPolled(tracked) || inFlight.has(tracked.caseId) || tracked.nextPollAt > now) continue
      poll(tracked)
    }
    return true
  }

  function poll(tracked: TrackedCase): void {
    inFlight.add(tracked.caseId)
    context.scheduler
      .enqueue('poll', {
        key: `poll:${tracked.caseId}`,
        priority: tracked.isPinned ? 0 : tracked.isVisible ? 1 : 2,
        run: (signal) => context.client.pollProgress(tracked.caseId, tracked.lastEventId, signal),
      })
      .then(
        (page) => {
          if (context.cases.get(tracked.caseId) !== tracked) return
          // has_more: events are still waiting beyond this page, so the next poll goes at once.
          tracked.nextPollAt = page.hasMore ? clock.now() : clock.now() + tuning.pollIntervalMs
          context.onPollPage(tracked, page)
        },
        (error: unknown) => {
          if (isAbort(error) || context.cases.get(tracked.caseId) !== tracked) return
          tracked.nextPollAt = clock.now() + tuning.pollIntervalMs
          context.onRequestError(tracked, error)
        },
      )
      .finally(() => inFlight.delete(tracked.caseId))
  }

  return createRepeatingTask(clock, tickMs, tick)
}
