import { documentedLimits, requestWindows } from '../policy/limits'
import { createRequestScheduler } from '../policy/request-scheduler'
import { createMemoryDocument } from '../persistence/memory-document'
import { createAccountWatch } from './account-watch'
import type { CaseMonitor, CompletionAnnouncement, OpenMonitorOptions } from './case-monitor-types'
import { createCaseOutcomes } from './case-outcomes'
import { toCaseView, toPersistedCase, watchStateOf } from './case-view-model'
import type { ConnectionView } from '../../shared/connection-view'
import { toConnectionView } from './connection-view-model'
import { toCaseDiagnostics, toRequestBudgets } from './diagnostics-model'
import { openCompletionLedger } from './completion-ledger'
import { createMonitorBus } from './monitor-bus'
import { defaultMonitorTuning, type MonitorTuning } from './monitor-tuning'
import { createPoller } from './poller'
import { createReconciler } from './reconciler'
import { createRecentCases } from './recent-cases'
import { createStreamPlanner } from './stream-planner'
import { createWatchPersistence } from './watch-persistence'

export type { CaseMonitor, CompletionAnnouncement, MonitorStats, OpenMonitorOptions, UnreachableCase } from './case-monitor-types'

/**
 * Follows every watched case on one Veridox key: streams, polls and listings, within the documented
 * limits. The one assembly used by the app, the CLI, the soak and the tests. Its modules report facts
 * on the bus; the subscription table below is the only place that decides who reacts, and one pass
 * decides what runs next.
 */
export function openMonitor(options: OpenMonitorOptions): CaseMonitor {
  const { clock, log, client } = options
  const limits = options.limits ?? documentedLimits
  const tuning: MonitorTuning = { ...defaultMonitorTuning, ...options.tuning }
  const storage = options.storage ?? { watchList: createMemoryDocument(), ledger: createMemoryDocument() }
  const persistence = createWatchPersistence({ document: storage.watchList, clock, log, saveIntervalMs: options.saveIntervalMs })
  const ledger = openCompletionLedger(storage.ledger, log)
  const restored = persistence.load()
  const scheduler = createRequestScheduler({ windows: requestWindows(limits), clock, previousUsage: restored.budget })
  const bus = createMonitorBus(log)
  const removed = new Set<(caseId: string) => void>()

  const outcomes = createCaseOutcomes({ clock, log, tuning, ledger, bus, restored: restored.cases })
  const { records } = outcomes
  const planner = createStreamPlanner({ client, clock, log, tuning, bus, records, streamsPerKey: limits.streamsPerKey })
  const reconciler = createReconciler({
    client,
    scheduler,
    clock,
    tuning,
    bus,
    records,
    isStreamLive: planner.isStreamLive,
    isStreamed: planner.isStreamed,
  })
  const poller = createPoller({ client, scheduler, clock, tuning, bus, records, isPolled: planner.isPolled })
  const account = createAccountWatch({ client, clock, log, tuning: tuning.outage, bus, onPaused: pause, onResumed: resume })

  let passTimer: (() => void) | null = null
  let rhythmTimer: (() => void) | null = null
  let pendingSpreadMs = 0
  let isDisposed = false

  const savedState = () => ({
    cases: [...records.values()].map((facts) => toPersistedCase(facts, watchStateOf(facts, planner.transportOf(facts.caseId), account))),
    budget: scheduler.usage(),
  })

  const isSnapshotWaitingForBudget = (caseId: string): boolean =>
    scheduler.isWaiting('get', `get:${caseId}`) ||
    (reconciler.wantedReason(caseId) === 'finalize' && !scheduler.hasRoom('get', 'completion'))

  function requestPass(): void {
    if (isDisposed || passTimer) return
    passTimer = clock.setTimeout(pass, 0)
  }

  /** The one place that decides what runs next: stream slots, snapshots and sweeps, polls. */
  function pass(): void {
    passTimer = null
    if (isDisposed || !account.isRunning) return
    outcomes.expireFinalizations(clock.now(), isSnapshotWaitingForBudget)
    planner.plan({ spreadMs: pendingSpreadMs })
    pendingSpreadMs = 0
    reconciler.pass()
    poller.pass()
  }

  function keepRhythm(): void {
    rhythmTimer = clock.setTimeout(() => {
      pass()
      if (!isDisposed) keepRhythm()
    }, tuning.passIntervalMs)
  }

  function everyCaseChanged(): void {
    for (const caseId of records.keys()) bus.emit('caseChanged', caseId)
  }

  function pause(): void {
    planner.stopAll()
    scheduler.setPaused(true)
    everyCaseChanged()
  }

  function resume(): void {
    // Nothing is confirmed any more, so one sweep of every page goes at once: it costs a few of the
    // minute's list requests that the outage left unspent, and each case is confirmed seconds sooner.
    scheduler.allowBurst('list', Math.min(tuning.maxSweepPages, Math.ceil(records.size / tuning.listPageSize)))
    scheduler.setPaused(false)
    outcomes.markUnconfirmed()
    const now = clock.now()
    for (const caseId of records.keys()) if (planner.wasPlanned(caseId)) reconciler.requestSnapshot(caseId, 'gap', now)
    everyCaseChanged()
    pendingSpreadMs = tuning.reconnectSpreadMs
    requestPass()
  }

  // Who reacts to what: the whole flow of the monitor in one table.
  bus.on('answered', outcomes.apply)
  bus.on('answered', account.noteAnswer)
  bus.on('answered', reconciler.noteAnswer)
  bus.on('snapshotWanted', ({ caseId, reason, at }) => reconciler.requestSnapshot(caseId, reason, at))
  bus.on('caseChanged', () => persistence.scheduleSave(savedState, 'progress'))
  bus.on('announced', () => persistence.scheduleSave(savedState))
  bus.on('unreachable', () => persistence.scheduleSave(savedState))
  bus.on('planChanged', requestPass)
  bus.on('keyRefused', account.rejectKey)
  bus.on('keyRejected', outcomes.keyRejected)

  keepRhythm()
  requestPass()

  function connection(): ConnectionView {
    const rateLimitedUntil = Math.max(...(['list', 'get', 'poll'] as const).map(scheduler.blockedUntil))
    const accountFacts = {
      isKeyRejected: account.isKeyRejected,
      isPaused: account.isPaused,
      offlineSince: account.offlineSince,
      rateLimitedUntil: rateLimitedUntil > 0 ? rateLimitedUntil : null,
      areStreamsBlocked: planner.areStreamsBlocked(),
    }
    return toConnectionView(accountFacts, views(), clock.now())
  }

  const view = (caseId: string) => {
    const facts = records.get(caseId)
    return facts ? toCaseView(facts, planner.transportOf(caseId), account) : null
  }

  const views = () => [...records.keys()].map((caseId) => view(caseId)!)

  /** The analyst's own changes cannot be learnt again from Veridox: they are written sooner than progress. */
  function savedPromptly<Args extends unknown[], Result>(change: (...args: Args) => Result): (...args: Args) => Result {
    return (...args) => {
      const result = change(...args)
      persistence.scheduleSave(savedState)
      return result
    }
  }

  return {
    watch: savedPromptly(outcomes.watch),
    unwatch(caseId) {
      if (!outcomes.unwatch(caseId)) return false
      planner.forget(caseId)
      reconciler.forget(caseId)
      poller.forget(caseId)
      for (const listener of removed) listener(caseId)
      persistence.scheduleSave(savedState)
      requestPass()
      return true
    },
    setPinned: savedPromptly(outcomes.setPinned),
    setMuted: savedPromptly(outcomes.setMuted),
    markSeen: savedPromptly(outcomes.markSeen),
    setLocalLabel: savedPromptly(outcomes.setLocalLabel),
    listRecentCases: createRecentCases({ client, scheduler, clock, isWatched: (caseId) => records.has(caseId) }),
    setVisible: (caseIds) => outcomes.setVisible(new Set(caseIds)),
    retry(caseId) {
      planner.forgetFailures(caseId)
      return outcomes.retry(caseId)
    },
    setReachable: account.setSystemReachable,
    setPaused(isPaused) {
      account.setPaused(isPaused)
      // A case that was offline reads as paused now (and back): every view changes either way.
      everyCaseChanged()
    },
    has: (caseId) => records.has(caseId),
    view,
    views,
    onChanged: (listener) => bus.on('caseChanged', listener),
    onRemoved(listener) {
      removed.add(listener)
      return () => void removed.delete(listener)
    },
    onAnnounced: (listener: (announcement: CompletionAnnouncement) => void) => bus.on('announced', listener),
    onKeyRejected: (listener) => bus.on('keyRejected', () => listener()),
    onUnreachable: (listener) => bus.on('unreachable', listener),
    get isKeyRejected() {
      return account.isKeyRejected
    },
    pendingAnnouncements: ledger.pending,
    acknowledge: ledger.acknowledge,
    stats() {
      const all = [...records.values()]
      return {
        watched: all.length,
        streaming: planner.streamingCount(),
        polled: all.filter((facts) => facts.terminal === null && planner.isPolled(facts.caseId)).length,
        isOffline: account.isOffline,
        areStreamsBlocked: planner.areStreamsBlocked(),
        requestsInWindow: { list: scheduler.taken('list'), get: scheduler.taken('get'), poll: scheduler.taken('poll') },
      }
    },
    connection,
    onAccountChanged: (listener) => bus.on('accountChanged', () => listener()),
    diagnostics() {
      return {
        connection: connection(),
        streams: { inUse: planner.streamingCount(), limit: limits.streamsPerKey },
        budgets: toRequestBudgets(limits, scheduler.taken),
        cases: [...records.values()].map((facts) => toCaseDiagnostics(facts, view(facts.caseId)!)),
      }
    },
    dispose() {
      if (isDisposed) return
      isDisposed = true
      passTimer?.()
      rhythmTimer?.()
      account.dispose()
      planner.stopAll()
      persistence.scheduleSave(savedState)
      persistence.flush()
      scheduler.dispose()
    },
  }
}
