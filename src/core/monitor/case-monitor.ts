import { documentedLimits, requestWindows } from '../policy/limits'
import { createRequestScheduler } from '../policy/request-scheduler'
import { createEmitter } from '../runtime/emitter'
import { createRepeatingTask } from '../runtime/repeating-task'
import type { VeridoxError } from '../veridox/veridox-error'
import type { CaseMonitor, CaseMonitorOptions, CompletionAnnouncement } from './case-monitor-types'
import { createCaseOutcomes } from './case-outcomes'
import { defaultMonitorTuning, type MonitorContext, type MonitorTuning } from './monitor-context'
import { createPoller } from './poller'
import { createReconciler } from './reconciler'
import { createStreamPlanner } from './stream-planner'
import { createTrackedCase, toCaseView, toPersistedCase, type MonitorConditions, type TrackedCase } from './tracked-case'

export type { CaseMonitor, CaseMonitorOptions, CompletionAnnouncement, MonitorStats } from './case-monitor-types'

const housekeepingMs = 1_000

/** Follows every watched case on one Veridox key: streams, polls and listings, within the documented limits. */
export function createCaseMonitor(options: CaseMonitorOptions): CaseMonitor {
  const { clock, log, ledger } = options
  const limits = options.limits ?? documentedLimits
  const tuning: MonitorTuning = { ...defaultMonitorTuning, ...options.tuning }
  const persistence = options.persistence ?? null
  const cases = new Map<string, TrackedCase>()
  const restored = persistence?.load() ?? { cases: [], budget: {} }
  const scheduler = createRequestScheduler({ windows: requestWindows(limits), clock, previousUsage: restored.budget })
  const changed = createEmitter<string>()
  const removed = createEmitter<string>()
  const announced = createEmitter<CompletionAnnouncement>()
  const keyRejected = createEmitter<void>()
  let isKeyRejected = false
  let isOffline = false
  let isDisposed = false

  const isRunning = (): boolean => !isDisposed && !isKeyRejected && !isOffline
  const conditions: MonitorConditions = {
    get isKeyRejected() {
      return isKeyRejected
    },
    get isOffline() {
      return isOffline
    },
    isPolled: (tracked) => planner.isPolled(tracked),
  }

  const savedState = () => ({ cases: [...cases.values()].map((t) => toPersistedCase(t, conditions)), budget: scheduler.usage() })

  function touch(tracked: TrackedCase): void {
    tracked.updatedAt = clock.now()
    changed.emit(tracked.caseId)
    persistence?.scheduleSave(savedState)
  }

  function rejectKey(error: VeridoxError): void {
    if (isKeyRejected) return
    isKeyRejected = true
    log('warn', 'Veridox rejected the API key; every case on it is paused until a new key is set', { status: error.status })
    for (const tracked of cases.values()) planner.stopStream(tracked)
    scheduler.setPaused(true)
    for (const tracked of cases.values()) touch(tracked)
    keyRejected.emit()
  }

  const outcomes = createCaseOutcomes({
    clock,
    log,
    tuning,
    ledger,
    touch,
    stopStream: (tracked) => planner.stopStream(tracked),
    replan: () => planner.replan(),
    kickReconciler: () => reconciler.kick(),
    announce: announced.emit,
    rejectKey,
  })

  const context: MonitorContext = {
    cases,
    client: options.client,
    scheduler,
    clock,
    log,
    tuning,
    isRunning,
    isPolled: (tracked) => planner.isPolled(tracked),
    onSnapshot: outcomes.onSnapshot,
    onListItem: outcomes.onListItem,
    onPollPage: (tracked, page) => outcomes.applyMessages(tracked, page.messages),
    onRequestError: outcomes.onRequestError,
  }

  const reconciler = createReconciler(context)
  const poller = createPoller(context)
  const planner = createStreamPlanner({
    context,
    apiKey: options.apiKey,
    fetch: options.fetch,
    streamsPerKey: limits.streamsPerKey,
    touch,
    applyMessages: outcomes.applyMessages,
    onRequestError: outcomes.onRequestError,
    kickPoller: () => poller.kick(),
    kickReconciler: () => reconciler.kick(),
  })

  const housekeeping = createRepeatingTask(clock, housekeepingMs, () => {
    if (isDisposed) return false
    if (isRunning()) {
      const now = clock.now()
      for (const tracked of cases.values()) {
        if (!tracked.terminal && tracked.finalizeDeadline !== null && now >= tracked.finalizeDeadline) outcomes.complete(tracked)
      }
      planner.replan()
    }
    return true
  })

  for (const saved of restored.cases) {
    const tracked = createTrackedCase(saved.caseId, clock.now(), saved)
    // A case saved as completed was announced then, even if the ledger was lost since.
    if (tracked.terminal === 'completed') ledger.record(tracked.caseId, tracked.state.completedAt ?? clock.now())
    cases.set(tracked.caseId, tracked)
  }
  housekeeping.kick()
  reconciler.kick()

  const withCase = (caseId: string, action: (tracked: TrackedCase) => void): boolean => {
    const tracked = cases.get(caseId)
    if (!tracked) return false
    action(tracked)
    return true
  }

  return {
    watch(caseIds) {
      for (const caseId of caseIds) {
        if (cases.has(caseId)) continue
        const tracked = createTrackedCase(caseId, clock.now())
        cases.set(caseId, tracked)
        touch(tracked)
      }
      planner.replan()
      reconciler.kick()
    },
    unwatch(caseId) {
      return withCase(caseId, (tracked) => {
        planner.stopStream(tracked)
        cases.delete(caseId)
        removed.emit(caseId)
        persistence?.scheduleSave(savedState)
        planner.replan()
      })
    },
    setPinned(caseId, isPinned) {
      return withCase(caseId, (tracked) => {
        tracked.isPinned = isPinned
        touch(tracked)
        planner.replan()
      })
    },
    setVisible(caseIds) {
      const visible = new Set(caseIds)
      for (const tracked of cases.values()) tracked.isVisible = visible.has(tracked.caseId)
      planner.replan()
      reconciler.kick()
    },
    retry(caseId) {
      return withCase(caseId, (tracked) => {
        if (tracked.terminal === 'completed') return
        tracked.terminal = null
        tracked.problem = null
        tracked.badResponses = 0
        tracked.pollFallbackUntil = null
        tracked.noStreamUntil = 0
        tracked.snapshotWanted = 'added'
        tracked.nextSnapshotAt = 0
        touch(tracked)
        planner.replan()
        reconciler.kick()
      })
    },
    setReachable(isReachable) {
      if (isReachable === !isOffline || isDisposed) return
      isOffline = !isReachable
      scheduler.setPaused(isOffline || isKeyRejected)
      if (isOffline) {
        for (const tracked of cases.values()) planner.stopStream(tracked)
      } else {
        for (const tracked of cases.values()) {
          if (tracked.terminal) continue
          tracked.lastFreshAt = 0
          if (planner.wasPlanned(tracked)) tracked.snapshotWanted ??= 'gap'
        }
      }
      for (const tracked of cases.values()) if (!tracked.terminal) touch(tracked)
      if (!isOffline) {
        planner.replan({ spreadMs: tuning.reconnectSpreadMs })
        reconciler.kick()
        poller.kick()
      }
    },
    has: (caseId) => cases.has(caseId),
    view(caseId) {
      const tracked = cases.get(caseId)
      return tracked ? toCaseView(tracked, conditions) : null
    },
    views: () => [...cases.values()].map((tracked) => toCaseView(tracked, conditions)),
    onChanged: changed.on,
    onRemoved: removed.on,
    onAnnounced: announced.on,
    onKeyRejected: keyRejected.on,
    get isKeyRejected() {
      return isKeyRejected
    },
    stats() {
      const all = [...cases.values()]
      return {
        watched: all.length,
        streaming: all.filter((tracked) => tracked.session !== null).length,
        polled: all.filter((tracked) => !tracked.terminal && planner.isPolled(tracked)).length,
        requestsInWindow: { list: scheduler.taken('list'), get: scheduler.taken('get'), poll: scheduler.taken('poll') },
      }
    },
    dispose() {
      if (isDisposed) return
      isDisposed = true
      housekeeping.dispose()
      for (const tracked of cases.values()) planner.stopStream(tracked)
      reconciler.dispose()
      poller.dispose()
      persistence?.scheduleSave(savedState)
      persistence?.flush()
      scheduler.dispose()
    },
  }
}
