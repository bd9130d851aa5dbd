import { regionBaseUrl, type SettingsView } from '../../shared/backend'
import { terminalWatchStates } from '../../shared/case-view'
import { AppError } from '../../shared/errors'
import type { MonitorTuning } from '../monitor/monitor-context'
import type { VeridoxLimits } from '../policy/limits'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import { createVeridoxClient, type Fetch } from '../veridox/veridox-client'
import { VeridoxError } from '../veridox/veridox-error'
import { openBackendSession, profileIdFor, type BackendSession, type ProfileDocuments } from './backend-session'
import type { CommandHandlers } from './command-dispatcher'
import { createCompletionNotices, type CompletionNotice } from './completion-notices'
import { createDeltaBatcher, type EventSink } from './delta-batcher'
import { startDemoCase } from './demo-cases'
import type { SecretStore } from './secret-store'
import type { SettingsStore } from './settings-store'

export interface EmbeddedSimulator {
  baseUrl: string
  apiKey: string
  close(): Promise<void>
}

export interface CaseMonitorAppOptions {
  fetch: Fetch
  clock: Clock
  log: Log
  settings: SettingsStore
  secrets: SecretStore
  openProfileDocuments(profileId: string): ProfileDocuments
  startSimulator(): Promise<EmbeddedSimulator>
  send: EventSink
  notify(notice: CompletionNotice): void
  limits?: VeridoxLimits
  tuning?: Partial<MonitorTuning>
  batchIntervalMs?: number
}

export interface CaseSummary {
  inProgress: number
  completed: number
  needsAttention: number
}

export interface CaseMonitorApp {
  readonly handlers: CommandHandlers
  start(): Promise<void>
  setReachable(isReachable: boolean): void
  summary(): CaseSummary
  onSummaryChanged(listener: () => void): () => void
  focusCase(caseId: string): void
  dispose(): Promise<void>
}

/** The desktop app's behaviour, free of Electron: the composition root gives it Electron's I/O. */
export function createCaseMonitorApp(options: CaseMonitorAppOptions): CaseMonitorApp {
  const { clock, log, settings, secrets, send } = options
  let session: BackendSession | null = null
  let sessionDisposers: (() => void)[] = []
  let simulator: Promise<EmbeddedSimulator> | null = null
  let isReachable = true
  let switching: Promise<void> = Promise.resolve()
  const summaryListeners = new Set<() => void>()
  const notices = createCompletionNotices({
    clock,
    windowMs: 1_500,
    show: (notice) => {
      if (settings.get().notificationsEnabled) options.notify(notice)
    },
  })

  function settingsView(): SettingsView {
    const stored = settings.get()
    return {
      mode: secrets.read() ? 'veridox' : 'simulator',
      region: stored.region,
      customBaseUrl: stored.customBaseUrl,
      activeBaseUrl: session?.baseUrl ?? null,
      hasApiKey: secrets.read() !== null,
      keyProtection: secrets.read() ? secrets.protection : null,
      notificationsEnabled: stored.notificationsEnabled,
    }
  }

  function requireSession(): BackendSession {
    if (!session) throw new AppError('not_available', 'Case Monitor is still starting.')
    return session
  }

  function closeSession(): void {
    if (!session) return
    const ids = session.monitor.views().map((view) => view.caseId)
    for (const dispose of sessionDisposers) dispose()
    sessionDisposers = []
    session.monitor.dispose()
    session = null
    if (ids.length > 0) send('casesRemoved', ids)
  }

  async function openSession(): Promise<void> {
    closeSession()
    const apiKey = secrets.read()
    if (apiKey) {
      const stored = settings.get()
      const baseUrl = regionBaseUrl(stored.region, stored.customBaseUrl)
      if (!baseUrl) throw new AppError('invalid_input', 'Choose a Veridox region or enter its address in Settings.')
      const documents = options.openProfileDocuments(profileIdFor(baseUrl))
      session = openBackendSession({ mode: 'veridox', baseUrl, apiKey, documents, ...shared() })
    } else {
      simulator ??= options.startSimulator()
      const running = await simulator
      session = openBackendSession({ mode: 'simulator', baseUrl: running.baseUrl, apiKey: running.apiKey, documents: null, ...shared() })
      await watchSimulatorCases(session)
    }
    wire(session)
    send('settingsChanged', settingsView())
    send('casesChanged', session.monitor.views())
  }

  const shared = () => ({ fetch: options.fetch, clock, log, limits: options.limits ?? settings.get().limits, tuning: options.tuning })

  async function watchSimulatorCases(active: BackendSession): Promise<void> {
    try {
      const list = await active.client.listCases({ limit: 100, offset: 0 })
      active.monitor.watch(list.cases.map((item) => item.case_id.toLowerCase()))
    } catch (error) {
      log('warn', 'could not list the simulator demo cases', { reason: error instanceof Error ? error.message : 'unknown' })
    }
  }

  function wire(active: BackendSession): void {
    const batcher = createDeltaBatcher({
      clock,
      intervalMs: options.batchIntervalMs ?? 100,
      view: (caseId) => active.monitor.view(caseId),
      send,
      // The tray's summary follows the batches, not every event: it counts every case.
      onFlushed: () => summaryListeners.forEach((listener) => listener()),
    })
    sessionDisposers = [
      active.monitor.onChanged((caseId) => batcher.changed(caseId)),
      active.monitor.onRemoved((caseId) => batcher.removed(caseId)),
      active.monitor.onAnnounced((announcement) => notices.add(announcement)),
      active.monitor.onKeyRejected(() => send('settingsChanged', settingsView())),
      () => batcher.dispose(),
    ]
    active.monitor.setReachable(isReachable)
  }

  /** Switching backends is serialised so two quick clicks cannot leave two monitors running. */
  function switchBackend(): Promise<SettingsView> {
    const next = switching.then(openSession)
    switching = next.catch(() => undefined)
    return next.then(settingsView)
  }

  async function verifyKey(apiKey: string, baseUrl: string): Promise<void> {
    const host = new URL(baseUrl).host
    let status: { is_active?: boolean }
    try {
      status = await createVeridoxClient({ baseUrl, apiKey, fetch: options.fetch, now: clock.now }).authStatus()
    } catch (error) {
      if (error instanceof VeridoxError && (error.code === 'key_rejected' || error.code === 'forbidden')) {
        throw new AppError('key_rejected', `Veridox at ${host} did not accept this key. Check it and try again.`)
      }
      // Unreachable now is not a verdict on the key: it is saved and used when Veridox can be reached.
      log('info', 'saved an API key that could not be checked yet', { reason: error instanceof AppError ? error.code : 'unknown' })
      return
    }
    // docs: authentication-status — `is_active` says whether the key has been revoked.
    if (status.is_active === false) throw new AppError('key_rejected', `Veridox at ${host} says this key has been revoked.`)
  }

  const handlers: CommandHandlers = {
    getSnapshot: () => ({ cases: session?.monitor.views() ?? [], settings: settingsView() }),
    watchCases({ caseIds }) {
      const active = requireSession()
      active.monitor.watch(caseIds)
      return caseIds.map((caseId) => active.monitor.view(caseId)!).filter(Boolean)
    },
    unwatchCase({ caseId }) {
      requireSession().monitor.unwatch(caseId)
    },
    setCasePinned({ caseId, isPinned }) {
      const active = requireSession()
      if (!active.monitor.setPinned(caseId, isPinned)) throw new AppError('case_not_found', 'That case is not in the watch list.')
      return active.monitor.view(caseId)!
    },
    retryCase({ caseId }) {
      const active = requireSession()
      if (!active.monitor.retry(caseId)) throw new AppError('case_not_found', 'That case is not in the watch list.')
      return active.monitor.view(caseId)!
    },
    reportVisibleCases({ caseIds }) {
      session?.monitor.setVisible(caseIds)
    },
    async updateSettings(patch) {
      const before = settings.get()
      const next = settings.update({
        region: patch.region ?? before.region,
        customBaseUrl: patch.customBaseUrl === undefined ? before.customBaseUrl : patch.customBaseUrl,
        notificationsEnabled: patch.notificationsEnabled ?? before.notificationsEnabled,
      })
      if (next.region === 'custom' && !next.customBaseUrl) {
        settings.update({ region: before.region, customBaseUrl: before.customBaseUrl })
        throw new AppError('invalid_input', 'Enter the address of your Veridox host to use a custom region.')
      }
      const hostChanged = regionBaseUrl(before.region, before.customBaseUrl) !== regionBaseUrl(next.region, next.customBaseUrl)
      if (hostChanged && secrets.read()) return switchBackend()
      const view = settingsView()
      send('settingsChanged', view)
      return view
    },
    async setApiKey({ apiKey }) {
      const stored = settings.get()
      const baseUrl = regionBaseUrl(stored.region, stored.customBaseUrl)
      if (!baseUrl) throw new AppError('invalid_input', 'Choose a Veridox region or enter its address before adding a key.')
      await verifyKey(apiKey, baseUrl)
      secrets.write(apiKey)
      return switchBackend()
    },
    clearApiKey() {
      secrets.clear()
      return switchBackend()
    },
    async startDemoCase() {
      const active = requireSession()
      if (active.mode !== 'simulator') {
        throw new AppError('not_available', 'Demo cases exist only on the built-in simulator. Remove the API key to use it.')
      }
      const caseId = await startDemoCase(active.client, clock)
      active.monitor.watch([caseId])
      return active.monitor.view(caseId)!
    },
  }

  return {
    handlers,
    start: async () => {
      await switchBackend()
    },
    setReachable(reachable) {
      isReachable = reachable
      session?.monitor.setReachable(reachable)
    },
    summary() {
      const views = session?.monitor.views() ?? []
      const needsAttention = views.filter(
        (view) => view.state === 'failed' || view.state === 'not_found' || view.state === 'unauthorized',
      ).length
      const completed = views.filter((view) => view.state === 'completed').length
      return {
        completed,
        needsAttention,
        inProgress: views.filter((view) => !terminalWatchStates.has(view.state) && view.state !== 'unauthorized').length,
      }
    },
    onSummaryChanged(listener) {
      summaryListeners.add(listener)
      return () => summaryListeners.delete(listener)
    },
    focusCase: (caseId) => send('caseFocused', caseId),
    async dispose() {
      await switching
      notices.dispose()
      closeSession()
      if (simulator) await (await simulator).close()
    },
  }
}
