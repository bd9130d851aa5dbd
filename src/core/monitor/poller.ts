import { pollTier } from '../policy/request-priority'
import { isFollowed, type CaseFacts } from './case-record'
import type { FetcherDependencies } from './monitor-bus'
import { isAbort } from './monitor-tuning'

interface PollerDependencies extends FetcherDependencies {
  isPolled(caseId: string): boolean
}

/**
 * Follows cases whose stream is blocked or keeps failing through /progress/poll?last_event_id=…,
 * the documented fallback. Polls share one hourly budget per key, so cases in focus go first.
 * Owns each case's poll schedule.
 */
export function createPoller(deps: PollerDependencies) {
  const { clock, tuning, records, bus } = deps
  const nextPollAt = new Map<string, number>()
  const inFlight = new Set<string>()

  function poll(facts: CaseFacts): void {
    const { caseId } = facts
    inFlight.add(caseId)
    deps.scheduler
      .enqueue('poll', {
        key: `poll:${caseId}`,
        priority: pollTier({ isPinned: facts.isPinned, isVisible: facts.isVisible, isStreamed: false }),
        run: (signal) => deps.client.pollProgress(caseId, facts.lastEventId, signal),
      })
      .then(
        (page) => {
          // has_more: events are still waiting beyond this page, so the next poll goes at once.
          nextPollAt.set(caseId, page.hasMore ? clock.now() : clock.now() + tuning.pollIntervalMs)
          bus.emit('answered', { kind: 'poll-page', caseId, page })
        },
        (error: unknown) => {
          if (isAbort(error)) return
          nextPollAt.set(caseId, clock.now() + tuning.pollIntervalMs)
          bus.emit('answered', { kind: 'failed', caseId, error })
        },
      )
      .finally(() => inFlight.delete(caseId))
  }

  return {
    pass(): void {
      const now = clock.now()
      for (const facts of records.values()) {
        const { caseId } = facts
        if (!isFollowed(facts) || inFlight.has(caseId) || (nextPollAt.get(caseId) ?? 0) > now || !deps.isPolled(caseId)) continue
        poll(facts)
      }
    },
    forget(caseId: string): void {
      nextPollAt.delete(caseId)
    },
  }
}
