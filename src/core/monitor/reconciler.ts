import { createRepeatingTask, type RepeatingTask } from '../runtime/repeating-task'
import { isAbort, isFollowed, type MonitorContext } from './monitor-context'
import type { SnapshotReason, TrackedCase } from './tracked-case'

const snapshotPriority: Record<SnapshotReason, number> = { finalize: 0, gap: 1, settle: 2, check: 3, added: 4 }
/** Keeps most of the GET budget free for completions and gaps, which matter more than routine checks. */
const maxRoutineChecksInFlight = 4
const tickMs = 500

// A first look at a case the analyst can see is as urgent as a gap; the rest can wait for spare budget.
const priorityOf = (tracked: TrackedCase, reason: SnapshotReason): number =>
  reason === 'added' && (tracked.isVisible || tracked.isPinned) ? snapshotPriority.gap : snapshotPriority[reason]

/**
 * Keeps cases without a live stream fresh within the rate budget: paged listings (100 cases a
 * request) for the newest cases, GET /cases/{id} for the rest and for snapshots after gaps and at
 * completion.
 */
export function createReconciler(context: MonitorContext): RepeatingTask {
  const { clock, tuning, scheduler } = context
  const snapshotsInFlight = new Set<string>()
  let isSweeping = false
  let nextSweepAt = 0

  const isDue = (tracked: TrackedCase, now: number): boolean =>
    isFollowed(tracked) && tracked.streamStatus !== 'live' && now - tracked.lastFreshAt >= tuning.sweepIntervalMs

  function tick(): boolean {
    if (!context.isRunning()) return false
    const now = clock.now()
    let routineInFlight = [...snapshotsInFlight].filter((id) => context.cases.get(id)?.snapshotWanted === 'check').length
    for (const tracked of context.cases.values()) {
      const isSettling = tracked.terminal === 'completed' && tracked.snapshotWanted === 'settle'
      if (snapshotsInFlight.has(tracked.caseId) && tracked.snapshotWanted) {
        scheduler.raisePriority('get', `get:${tracked.caseId}`, priorityOf(tracked, tracked.snapshotWanted))
        continue
      }
      if (!isFollowed(tracked) && !isSettling) continue
      if (tracked.wasSwept && !tracked.isLocated && !tracked.snapshotWanted && isDue(tracked, now)) {
        if (routineInFlight >= maxRoutineChecksInFlight) continue
        tracked.snapshotWanted = 'check'
      }
      if (tracked.snapshotWanted && tracked.nextSnapshotAt <= now) {
        if (tracked.snapshotWanted === 'check') routineInFlight++
        requestSnapshot(tracked, tracked.snapshotWanted)
      }
    }
    if (!isSweeping && now >= nextSweepAt && [...context.cases.values()].some((t) => isDue(t, now) && (t.isLocated || !t.wasSwept))) {
      void sweep()
    }
    return true
  }

  function requestSnapshot(tracked: TrackedCase, reason: SnapshotReason): void {
    snapshotsInFlight.add(tracked.caseId)
    scheduler
      .enqueue('get', {
        key: `get:${tracked.caseId}`,
        priority: priorityOf(tracked, reason),
        run: (signal) => context.client.getCase(tracked.caseId, signal),
      })
      .then(
        (details) => {
          if (context.cases.get(tracked.caseId) !== tracked) return
          tracked.snapshotWanted = null
          context.onSnapshot(tracked, details)
        },
        (error: unknown) => {
          if (isAbort(error) || context.cases.get(tracked.caseId) !== tracked) return
          tracked.nextSnapshotAt = clock.now() + tuning.snapshotRetryMs
          if (tracked.snapshotWanted === 'check') tracked.snapshotWanted = null
          context.onRequestError(tracked, error)
        },
      )
      .finally(() => snapshotsInFlight.delete(tracked.caseId))
  }

  async function sweep(): Promise<void> {
    isSweeping = true
    const now = clock.now()
    const wanted = new Set([...context.cases.values()].filter((t) => isFollowed(t) && (isDue(t, now) || !t.wasSwept)).map((t) => t.caseId))
    const seen = new Set<string>()
    try {
      for (let page = 0; page < tuning.maxSweepPages && [...wanted].some((id) => !seen.has(id)); page++) {
        const offset = page * tuning.listPageSize
        const list = await scheduler.enqueue('list', {
          key: `list:${offset}`,
          priority: 0,
          run: (signal) => context.client.listCases({ limit: tuning.listPageSize, offset }, signal),
        })
        if (!context.isRunning()) return
        for (const item of list.cases) {
          const tracked = context.cases.get(item.case_id.toLowerCase())
          if (!tracked) continue
          seen.add(tracked.caseId)
          tracked.isLocated = true
          tracked.wasSwept = true
          if (isFollowed(tracked)) context.onListItem(tracked, item)
        }
        if (list.cases.length < tuning.listPageSize) break
      }
      for (const id of wanted) {
        const tracked = context.cases.get(id)
        if (tracked && !seen.has(id)) {
          tracked.isLocated = false
          tracked.wasSwept = true
        }
      }
      nextSweepAt = 0
    } catch (error) {
      if (isAbort(error)) return
      nextSweepAt = clock.now() + tuning.snapshotRetryMs
      context.onRequestError(null, error)
    } finally {
      isSweeping = false
    }
  }

  return createRepeatingTask(clock, tickMs, tick)
}
