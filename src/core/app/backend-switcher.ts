import { regionBaseUrl } from '../../shared/backend'
import { awakeAndOnline, isBackendReachable, type SystemState } from '../../shared/reachability'
import type { MonitorTuning } from '../monitor/monitor-tuning'
import type { VeridoxLimits } from '../policy/limits'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { Fetch } from '../veridox/veridox-client'
import { openBackendSession, profileIdFor, type BackendSession, type ProfileDocuments } from './backend-session'
import { credentialForEndpoint, type SecretStore } from './secret-store'
import type { SettingsStore } from './settings-store'

export interface EmbeddedSimulator {
  baseUrl: string
  apiKey: string
  close(): Promise<void>
}

export interface BackendSwitcher {
  current(): BackendSession | null
  /** Closes the open session and opens the one the settings call for: Veridox with a key saved for its host, else the simulator. */
  switchBackend(): Promise<void>
  /** Sleep and the network, as the system reports them; each session works out what that means for its host. */
  setSystemState(state: SystemState): void
  /** The analyst paused all watching: no stream, no request until resumed; then the monitor catches up as after an outage. */
  setPaused(isPaused: boolean): void
  dispose(): Promise<void>
}

export interface BackendSwitcherOptions {
  /** REST calls: listings, snapshots, polls, case creation, key checks. */
  fetch: Fetch
  /** The SSE streams, `fetch` when absent: over HTTP/1.1 each holds a connection while it is open (veridox-client.ts). */
  streamFetch?: Fetch
  clock: Clock
  log: Log
  settings: SettingsStore
  secrets: SecretStore
  openProfileDocuments(profileId: string): ProfileDocuments
  startSimulator(): Promise<EmbeddedSimulator>
  limits?: VeridoxLimits
  tuning?: Partial<MonitorTuning>
  /** Called with each session once it is open; the function it returns is called just before that session closes. */
  attach(session: BackendSession): () => void
}

export function createBackendSwitcher(options: BackendSwitcherOptions): BackendSwitcher {
  const { settings, secrets, log } = options
  let session: BackendSession | null = null
  let detach: (() => void) | null = null
  let simulator: Promise<EmbeddedSimulator> | null = null
  let systemState: SystemState = awakeAndOnline
  let isPaused = false
  let isDisposed = false
  let switching: Promise<void> = Promise.resolve()

  function close(): void {
    if (!session) return
    const closing = session
    session = null
    detach?.()
    detach = null
    closing.monitor.dispose()
  }

  function runningSimulator(): Promise<EmbeddedSimulator> {
    // A simulator that failed to start is not kept, so the next switch tries again.
    simulator ??= options.startSimulator().catch((error: unknown) => {
      simulator = null
      throw error
    })
    return simulator
  }

  async function open(): Promise<void> {
    if (isDisposed) return
    close()
    const shared = {
      fetch: options.fetch,
      streamFetch: options.streamFetch,
      clock: options.clock,
      log,
      limits: options.limits ?? settings.get().limits,
      tuning: options.tuning,
    }
    const stored = settings.get()
    const baseUrl = regionBaseUrl(stored.region, stored.customBaseUrl, stored.hostStyle)
    const saved = credentialForEndpoint(secrets.list(), stored)
    if (saved && baseUrl) {
      const documents = options.openProfileDocuments(profileIdFor(baseUrl))
      const credential = { kind: saved.kind, secret: saved.secret }
      session = openBackendSession({ mode: 'veridox', baseUrl, credential, documents, ...shared })
    } else {
      if (secrets.list().length > 0)
        log('info', 'the saved API key is not bound to the chosen host; following the simulator until it is confirmed there')
      const running = await runningSimulator()
      const credential = { kind: 'api_key' as const, secret: running.apiKey }
      session = openBackendSession({ mode: 'simulator', baseUrl: running.baseUrl, credential, documents: null, ...shared })
    }
    const opened = session
    opened.monitor.setReachable(isBackendReachable(opened.baseUrl, systemState))
    opened.monitor.setPaused(isPaused)
    if (opened.mode === 'simulator') await watchDemoCases(opened)
    detach = options.attach(opened)
  }

  async function watchDemoCases(active: BackendSession): Promise<void> {
    try {
      const list = await active.client.listCases({ limit: 100, offset: 0 })
      active.monitor.watch(list.cases.map((item) => item.case_id.toLowerCase()))
    } catch (error) {
      log('warn', 'could not list the simulator demo cases', { reason: error instanceof Error ? error.message : 'unknown' })
    }
  }

  return {
    current: () => session,
    // Serialised so two quick clicks cannot leave two monitors running.
    switchBackend() {
      const next = switching.then(open)
      switching = next.catch(() => undefined)
      return next
    },
    setSystemState(state) {
      systemState = { isAsleep: state.isAsleep, isNetworkOnline: state.isNetworkOnline }
      session?.monitor.setReachable(isBackendReachable(session.baseUrl, systemState))
    },
    setPaused(paused) {
      isPaused = paused
      session?.monitor.setPaused(paused)
    },
    async dispose() {
      isDisposed = true
      await switching
      close()
      const started = simulator
      simulator = null
      if (started) await (await started.catch(() => null))?.close()
    },
  }
}
