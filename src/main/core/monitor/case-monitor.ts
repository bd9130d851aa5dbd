import type { CaseView, RiskLevel } from '../../../shared/case-view'
import { applyEvent, applyListItem, applySnapshot, caseRisk, hasFinalRisks, isCaseSettled } from '../case-state/case-state'
import { documentedLimits, requestWindows, type VeridoxLimits } from '../policy/limits'
import { createRequestScheduler } from '../policy/request-scheduler'
import type { Clock } from '../runtime/clock'
import { createEmitter } from '../runtime/emitter'
import type { Log } from '../runtime/log'
import type { ParsedMessage } from '../veridox/progress-event'
import type { Fetch, VeridoxClient } from '../veridox/veridox-client'
import { VeridoxError } from '../veridox/veridox-error'
import type { CompletionLedger } from './completion-ledger'
import { defaultMonitorTuning, type MonitorContext, type MonitorTuning } from './monitor-context'
import { createPoller } from './poller'
import { createReconciler } from './reconciler'
import { createStreamPlanner } from './stream-planner'
import { createTrackedCase, toCaseView, toPersistedCase, type MonitorConditions, type TerminalState, type TrackedCase } from './tracked-case'
import type { WatchPersistence } from './watch-persistence'

export interface CompletionAnnouncement {
  caseId: string
  label: string | null
  risk: RiskLevel | null
  fileCount: number
  failedFileCount: number
  completedAt: number
}

export interface CaseMonitorOptions {
  client: VeridoxClient
  apiKey: string
  fetch: Fetch
  clock: Clock
  log: Log
  ledger: CompletionLedger
  persistence?: WatchPersistence | null
  limits?: VeridoxLimits
  tuning?: Partial<MonitorTuning>
}

export interface MonitorStats {
  watched: number
  streaming: number
  polled: number
  requestsInWindow: Record<'list' | 'get' | 'poll', number>
}

export interface CaseMonitor {
  watch(caseIds: readonly string[]): void
  unwatch(caseId: string): boolean
  setPinned(caseId: string, isPinned: boolean): boolean
  setVisible(caseIds: readonly string[]): void
  retry(caseId: string): boolean
  /** The network went away or the machine slept (false), or both came back (true). */
  setReachable(isReachable: boolean): void
  has(caseId: string): boolean
  view(caseId: string): CaseView | null
  views(): CaseView[]
  onChanged(listener: (caseId: string) => void): () => void
  onRemoved(listener: (caseId: string) => void): () => void
  onAnnounced(listener: (announcement: CompletionAnnouncement) => void): () => void
  onKeyRejected(listener: () => void): () => void
  readonly isKeyRejected: boolean
  stats(): MonitorStats
  dispose(): void
}

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
  let cancelHousekeeping: (() => void) | null = null

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

  function applyMessages(tracked: TrackedCase, messages: readonly ParsedMessage[]): void {
    const now = clock.now()
    let isChanged = tracked.isStale
    for (const message of messages) {
      if (message.kind === 'event') {
        tracked.state = applyEvent(tracked.state, message.event, now)
        if (message.event.id) tracked.lastEventId = message.event.id
        isChanged = true
      } else if (message.kind === 'unknown') {
        log('info', 'skipped an event of a type this app does not know', { caseId: tracked.caseId, type: message.type.slice(0, 64) })
      } else if (message.kind === 'malformed') {
        log('warn', 'skipped a malformed event', { caseId: tracked.caseId, reason: message.reason })
      }
    }
    tracked.lastFreshAt = now
    tracked.isStale = false
    if (isChanged) touch(tracked)
    if (tracked.state.isComplete) finalize(tracked, false)
  }

  /** A completion is announced with its risk scores, which only the REST snapshot carries. */
  function finalize(tracked: TrackedCase, hasFreshSnapshot: boolean): void {
    if (tracked.terminal) return
    const now = clock.now()
    planner.stopStream(tracked)
    tracked.finalizeDeadline ??= now + tuning.finalizeTimeoutMs
    if ((hasFreshSnapshot && hasFinalRisks(tracked.state)) || now >= tracked.finalizeDeadline) {
      complete(tracked)
      return
    }
    tracked.snapshotWanted = 'finalize'
    tracked.nextSnapshotAt = hasFreshSnapshot ? now + 1_000 : now
    reconciler.kick()
  }

  /** Settling attempts after an announcement made without final outcomes (a completed case with no files never settles). */
  const maxSettleAttempts = 5

  function complete(tracked: TrackedCase): void {
    const now = clock.now()
    terminate(tracked, 'completed', null)
    // Announced on time without the final outcomes and risks: fetch them afterwards so the view ends true.
    if (!isCaseSettled(tracked.state)) wantSettle(tracked, now)
    if (ledger.record(tracked.caseId, now)) {
      announced.emit({
        caseId: tracked.caseId,
        label: tracked.state.label,
        risk: caseRisk(tracked.state),
        fileCount: tracked.state.files.length,
        failedFileCount: tracked.state.files.filter((file) => file.status === 'failed').length,
        completedAt: tracked.state.completedAt ?? now,
      })
    }
  }

  function wantSettle(tracked: TrackedCase, at: number): void {
    if (tracked.settleAttempts >= maxSettleAttempts) return
    tracked.settleAttempts += 1
    tracked.snapshotWanted = 'settle'
    tracked.nextSnapshotAt = at
    reconciler.kick()
  }

  function terminate(tracked: TrackedCase, terminal: TerminalState, problem: TrackedCase['problem']): void {
    planner.stopStream(tracked)
    tracked.terminal = terminal
    tracked.problem = problem
    tracked.snapshotWanted = null
    tracked.finalizeDeadline = null
    tracked.isStale = false
    touch(tracked)
    planner.replan()
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

  function onRequestError(tracked: TrackedCase | null, error: unknown): void {
    if (!(error instanceof VeridoxError)) {
      log('error', 'a request failed unexpectedly', { reason: error instanceof Error ? error.name : 'unknown' })
      return
    }
    if (error.code === 'key_rejected' || error.code === 'forbidden') return rejectKey(error)
    if (!tracked || tracked.terminal) return
    if (error.code === 'case_not_found') return terminate(tracked, 'not_found', error.toData())
    if (error.code === 'bad_response' && ++tracked.badResponses >= 3) return terminate(tracked, 'failed', error.toData())
    if (tracked.streamStatus !== 'live') {
      tracked.problem = error.toData()
      touch(tracked)
    }
  }

  const context: MonitorContext = {
    cases,
    client: options.client,
    scheduler,
    clock,
    log,
    tuning,
    isRunning,
    isPolled: (tracked) => planner.isPolled(tracked),
    onSnapshot(tracked, details) {
      tracked.state = applySnapshot(tracked.state, details, clock.now())
      if (tracked.terminal === 'completed') {
        touch(tracked)
        if (!isCaseSettled(tracked.state) && details.files.length > 0) wantSettle(tracked, clock.now() + tuning.snapshotRetryMs)
        return
      }
      tracked.lastFreshAt = clock.now()
      tracked.isStale = false
      tracked.badResponses = 0
      if (tracked.streamStatus !== 'reconnecting') tracked.problem = null
      touch(tracked)
      if (tracked.state.isComplete) finalize(tracked, true)
    },
    onListItem(tracked, item) {
      const before = tracked.state
      tracked.state = applyListItem(tracked.state, item, clock.now())
      tracked.lastFreshAt = clock.now()
      if (tracked.isStale || before.label !== tracked.state.label || before.isComplete !== tracked.state.isComplete) {
        tracked.isStale = false
        touch(tracked)
      }
      if (tracked.state.isComplete) finalize(tracked, false)
    },
    onPollPage: (tracked, page) => applyMessages(tracked, page.messages),
    onRequestError,
  }

  const reconciler = createReconciler(context)
  const poller = createPoller(context)
  const planner = createStreamPlanner({
    context,
    apiKey: options.apiKey,
    fetch: options.fetch,
    streamsPerKey: limits.streamsPerKey,
    touch,
    applyMessages,
    onRequestError,
    kickPoller: () => poller.kick(),
    kickReconciler: () => reconciler.kick(),
  })

  function housekeeping(): void {
    cancelHousekeeping = null
    if (isDisposed) return
    const now = clock.now()
    if (isRunning()) {
      for (const tracked of cases.values()) {
        if (!tracked.terminal && tracked.finalizeDeadline !== null && now >= tracked.finalizeDeadline) complete(tracked)
      }
      planner.replan()
    }
    cancelHousekeeping = clock.setTimeout(housekeeping, housekeepingMs)
  }

  for (const saved of restored.cases) {
    const tracked = createTrackedCase(saved.caseId, clock.now(), saved)
    // A case saved as completed was announced then, even if the ledger was lost since.
    if (tracked.terminal === 'completed') ledger.record(tracked.caseId, tracked.state.completedAt ?? clock.now())
    cases.set(tracked.caseId, tracked)
  }
  housekeeping()
  planner.replan()
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
      cancelHousekeeping?.()
      for (const tracked of cases.values()) planner.stopStream(tracked)
      reconciler.dispose()
      poller.dispose()
      persistence?.scheduleSave(savedState)
      persistence?.flush()
      scheduler.dispose()
    },
  }
}
