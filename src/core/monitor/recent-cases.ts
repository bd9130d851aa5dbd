import { isCaseId, normalizeCaseId } from '../../shared/case-id'
import { AppError } from '../../shared/errors'
import { recentCasesPageSize, type RecentCasesAnswer } from '../../shared/recent-cases'
import type { PriorityTier } from '../policy/request-priority'
import type { RequestScheduler } from '../policy/request-scheduler'
import type { Clock } from '../runtime/clock'
import type { VeridoxClient } from '../veridox/veridox-client'
import { VeridoxError } from '../veridox/veridox-error'

// The analyst is waiting on the click, so it goes ahead of routine sweeps, yet leaves the share kept for completions.
const pickerTier: PriorityTier = 'in-focus'
const backOffAfter429Ms = 30_000
// The list window paces requests about 2 s apart: a click waits that out in the queue; longer, it is told when.
const maxQueuedWaitMs = 5_000

/**
 * Pages of the account's cases for the picker, through the monitor's scheduler: the same list budget as its own
 * sweeps (30 a minute per key). A click never waits in the queue: with no room it is told when to try again.
 */
export function createRecentCases(deps: {
  client: Pick<VeridoxClient, 'listCases'>
  scheduler: Pick<RequestScheduler, 'enqueue' | 'msUntilRoom'>
  clock: Clock
  isWatched(caseId: string): boolean
}) {
  return async function listRecentCases(offset: number): Promise<RecentCasesAnswer> {
    const wait = deps.scheduler.msUntilRoom('list', pickerTier)
    if (wait > maxQueuedWaitMs) return { state: 'limited', retryAt: deps.clock.now() + wait }
    let list
    try {
      list = await deps.scheduler.enqueue('list', {
        key: `recent:${offset}`,
        priority: pickerTier,
        run: (signal) => deps.client.listCases({ limit: recentCasesPageSize, offset }, signal),
      })
    } catch (error) {
      if (error instanceof VeridoxError && error.code === 'rate_limited') {
        return { state: 'limited', retryAt: deps.clock.now() + (error.retryAfterMs ?? backOffAfter429Ms) }
      }
      if (error instanceof VeridoxError) throw new AppError(error.code, error.message)
      throw error
    }
    const cases = list.cases.flatMap((item) => {
      const caseId = normalizeCaseId(item.case_id)
      if (!isCaseId(caseId)) return []
      const createdAt = item.created_at === null ? NaN : Date.parse(item.created_at)
      return [{ caseId, label: item.label, createdAt: Number.isNaN(createdAt) ? null : createdAt, isWatched: deps.isWatched(caseId) }]
    })
    return { state: 'page', offset, cases, hasMore: list.cases.length >= recentCasesPageSize }
  }
}
