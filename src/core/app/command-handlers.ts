import { keyEndpointOf, regionBaseUrl, type SettingsView } from '../../shared/backend'
import { AppError } from '../../shared/errors'
import type { UpdateStatus } from '../../shared/updates'
import type { Clock } from '../runtime/clock'
import type { BackendSession } from './backend-session'
import type { BackendSwitcher } from './backend-switcher'
import type { CommandHandlers } from './command-dispatcher'
import type { EventSink } from './delta-batcher'
import { startDemoCase } from './demo-cases'
import type { KeyVerifier } from './key-verification'
import type { SecretStore } from './secret-store'
import type { SettingsStore } from './settings-store'
import type { VisibleCases } from './visible-cases'

export interface CommandHandlerOptions {
  backend: Pick<BackendSwitcher, 'current' | 'switchBackend'>
  settings: SettingsStore
  secrets: SecretStore
  verifyKey: KeyVerifier
  visibleCases: Pick<VisibleCases, 'report'>
  settingsView(): SettingsView
  send: EventSink
  clock: Clock
  updateStatus(): UpdateStatus
  /** After settings were written, before the reply: a module that reads them (the update flow) acts on the change. */
  onSettingsSaved(): void
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

  function chosenBaseUrl(missing: string): string {
    const stored = settings.get()
    const baseUrl = regionBaseUrl(stored.region, stored.customBaseUrl)
    if (!baseUrl) throw new AppError('invalid_input', missing)
    return baseUrl
  }

  const endpointChanged = () =>
    new AppError(
      'invalid_input',
      'The Veridox address or the key changed before the key could be moved, so it stays where it was. Confirm again.',
    )

  async function switchBackend(): Promise<SettingsView> {
    await backend.switchBackend()
    return settingsView()
  }

  return {
    getSnapshot: () => ({ cases: backend.current()?.monitor.views() ?? [], settings: settingsView(), update: options.updateStatus() }),
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
      options.visibleCases.report(caseIds)
    },
    async updateSettings(patch) {
      const before = settings.get()
      const next = settings.update(patch)
      options.onSettingsSaved()
      const hostChanged = regionBaseUrl(before.region, before.customBaseUrl) !== regionBaseUrl(next.region, next.customBaseUrl)
      if (hostChanged && secrets.read()) return switchBackend()
      const view = settingsView()
      options.send('settingsChanged', view)
      return view
    },
    async setApiKey({ apiKey }) {
      const baseUrl = chosenBaseUrl('Choose a Veridox region or enter its address before adding a key.')
      await options.verifyKey(apiKey, baseUrl)
      secrets.write(apiKey, keyEndpointOf(baseUrl))
      return switchBackend()
    },
    async confirmKeyEndpoint({ endpoint }) {
      const saved = secrets.read()
      if (!saved) throw new AppError('key_missing', 'No API key is saved, so there is none to move. Enter a key for this host.')
      const baseUrl = chosenBaseUrl('Choose a Veridox region or enter its address before moving the key.')
      const target = keyEndpointOf(baseUrl)
      // The analyst confirmed the host they were shown; if another one is chosen now, the key stays where it was.
      if (keyEndpointOf(endpoint) !== target) throw endpointChanged()
      if (saved.endpoint === target) return settingsView()
      await options.verifyKey(saved.apiKey, baseUrl, { isAnswerRequired: true })
      const stored = settings.get()
      const chosenNow = regionBaseUrl(stored.region, stored.customBaseUrl)
      if (secrets.read()?.apiKey !== saved.apiKey || !chosenNow || keyEndpointOf(chosenNow) !== target) throw endpointChanged()
      secrets.write(saved.apiKey, target)
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
