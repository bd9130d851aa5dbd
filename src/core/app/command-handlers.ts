import { regionBaseUrl, type SettingsView } from '../../shared/backend'
import { AppError } from '../../shared/errors'
import type { Clock } from '../runtime/clock'
import type { BackendSession } from './backend-session'
import type { BackendSwitcher } from './backend-switcher'
import type { CommandHandlers } from './command-dispatcher'
import type { EventSink } from './delta-batcher'
import { startDemoCase } from './demo-cases'
import type { KeyVerifier } from './key-verification'
import type { SecretStore } from './secret-store'
import type { SettingsStore } from './settings-store'

export interface CommandHandlerOptions {
  backend: Pick<BackendSwitcher, 'current' | 'switchBackend'>
  settings: SettingsStore
  secrets: SecretStore
  verifyKey: KeyVerifier
  settingsView(): SettingsView
  send: EventSink
  clock: Clock
}

/** Each command the window can send, already validated by the dispatcher; the work is done by the modules behind. */
export function createCommandHandlers(options: CommandHandlerOptions): CommandHandlers {
  const { backend, settings, secrets, settingsView } = options

  function requireSession(): BackendSession {
    const session = backend.current()
    if (!session) throw new AppError('not_available', 'Case Monitor is still starting.')
    return session
  }

  const notWatched = () => new AppError('case_not_found', 'That case is not in the watch list.')

  async function switchBackend(): Promise<SettingsView> {
    await backend.switchBackend()
    return settingsView()
  }

  return {
    getSnapshot: () => ({ cases: backend.current()?.monitor.views() ?? [], settings: settingsView() }),
    watchCases({ caseIds }) {
      const { monitor } = requireSession()
      monitor.watch(caseIds)
      return caseIds.flatMap((caseId) => monitor.view(caseId) ?? [])
    },
    unwatchCase({ caseId }) {
      requireSession().monitor.unwatch(caseId)
    },
    setCasePinned({ caseId, isPinned }) {
      const { monitor } = requireSession()
      if (!monitor.setPinned(caseId, isPinned)) throw notWatched()
      return monitor.view(caseId)!
    },
    retryCase({ caseId }) {
      const { monitor } = requireSession()
      if (!monitor.retry(caseId)) throw notWatched()
      return monitor.view(caseId)!
    },
    reportVisibleCases({ caseIds }) {
      backend.current()?.monitor.setVisible(caseIds)
    },
    async updateSettings(patch) {
      const before = settings.get()
      const next = settings.update(patch)
      const hostChanged = regionBaseUrl(before.region, before.customBaseUrl) !== regionBaseUrl(next.region, next.customBaseUrl)
      if (hostChanged && secrets.read()) return switchBackend()
      const view = settingsView()
      options.send('settingsChanged', view)
      return view
    },
    async setApiKey({ apiKey }) {
      const stored = settings.get()
      const baseUrl = regionBaseUrl(stored.region, stored.customBaseUrl)
      if (!baseUrl) throw new AppError('invalid_input', 'Choose a Veridox region or enter its address before adding a key.')
      await options.verifyKey(apiKey, baseUrl)
      secrets.write(apiKey)
      return switchBackend()
    },
    clearApiKey() {
      secrets.clear()
      return switchBackend()
    },
    async startDemoCase() {
      const session = requireSession()
      if (session.mode !== 'simulator') {
        throw new AppError('not_available', 'Demo cases exist only on the built-in simulator. Remove the API key to use it.')
      }
      const caseId = await startDemoCase(session.client, options.clock)
      session.monitor.watch([caseId])
      return session.monitor.view(caseId)!
    },
  }
}
