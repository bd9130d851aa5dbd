import { keyEndpointOf, regionBaseUrl, type SettingsView } from '../../shared/backend'
import { notConnectedYet } from '../../shared/connection-view'
import { AppError } from '../../shared/errors'
import { normalizeLocalLabel } from '../../shared/local-label'
import type { LoginItem } from '../desktop/autostart-entry'
import type { UpdateStatus } from '../../shared/updates'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { BackendSession } from './backend-session'
import type { BackendSwitcher } from './backend-switcher'
import type { CommandHandlers } from './command-dispatcher'
import type { EventSink } from './delta-batcher'
import { startDemoCase } from './demo-cases'
import type { KeyVerifier } from './key-verification'
import { chosenEndpointOf, shownCredential, type SecretStore } from './secret-store'
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
  /** Absent where the app cannot start at login (the CLI, tests of other things). */
  loginItem?: LoginItem
  log?: Log
  /** Ends the app as the tray's Quit does; absent where there is no app to quit. */
  quit?: () => void
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
    const baseUrl = regionBaseUrl(stored.region, stored.customBaseUrl, stored.hostStyle)
    if (!baseUrl) throw new AppError('invalid_input', missing)
    return baseUrl
  }

  const endpointChanged = () =>
    new AppError(
      'invalid_input',
      'The Veridox address or the key changed before the key could be moved, so it stays where it was. Confirm again.',
    )

  const loginItemRefused = () =>
    new AppError('not_available', 'Case Monitor could not change whether it starts when you log in. The log file has the details.')

  // Saved first, so an invalid patch registers nothing; a refused registration puts the setting back.
  function applyLoginItem(isEnabled: boolean, wasEnabled: boolean): void {
    try {
      options.loginItem?.setEnabled(isEnabled)
    } catch (error) {
      settings.update({ startAtLogin: wasEnabled })
      options.log?.('error', 'Could not change the login item', {
        reason: (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.name : 'unknown'),
      })
      throw loginItemRefused()
    }
  }

  async function switchBackend(): Promise<SettingsView> {
    await backend.switchBackend()
    return settingsView()
  }

  return {
    getSnapshot: () => ({
      cases: backend.current()?.monitor.views() ?? [],
      settings: settingsView(),
      update: options.updateStatus(),
      connection: backend.current()?.monitor.connection() ?? notConnectedYet,
    }),
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
    setCaseMuted({ caseId, isMuted }) {
      const { monitor } = requireSession()
      if (!monitor.setMuted(caseId, isMuted)) throw notWatched()
      return monitor.view(caseId)!
    },
    setCaseLocalLabel({ caseId, label }) {
      const { monitor } = requireSession()
      if (!monitor.setLocalLabel(caseId, label === null ? null : normalizeLocalLabel(label))) throw notWatched()
      return monitor.view(caseId)!
    },
    unwatchCases({ caseIds }) {
      const { monitor } = requireSession()
      for (const caseId of caseIds) monitor.unwatch(caseId)
    },
    rewatchCases({ cases }) {
      const { monitor } = requireSession()
      monitor.watch(cases.map((one) => one.caseId))
      for (const { caseId, isPinned, isMuted, localLabel } of cases) {
        if (isPinned) monitor.setPinned(caseId, true)
        if (isMuted) monitor.setMuted(caseId, true)
        if (localLabel !== null) monitor.setLocalLabel(caseId, normalizeLocalLabel(localLabel))
      }
      return cases.flatMap(({ caseId }) => monitor.view(caseId) ?? [])
    },
    listRecentCases({ offset }) {
      return requireSession().monitor.listRecentCases(offset)
    },
    retryCase({ caseId }) {
      const { monitor } = requireSession()
      if (!monitor.retry(caseId)) throw notWatched()
      return monitor.view(caseId)!
    },
    markCasesSeen({ caseIds }) {
      requireSession().monitor.markSeen(caseIds)
    },
    reportVisibleCases({ caseIds }) {
      options.visibleCases.report(caseIds)
    },
    async updateSettings(patch) {
      const before = settings.get()
      const isLoginChange = patch.startAtLogin !== undefined && patch.startAtLogin !== before.startAtLogin
      if (isLoginChange && !options.loginItem) throw loginItemRefused()
      const next = settings.update(patch)
      if (isLoginChange) applyLoginItem(next.startAtLogin, before.startAtLogin)
      options.onSettingsSaved()
      const hostChanged =
        regionBaseUrl(before.region, before.customBaseUrl, before.hostStyle) !==
        regionBaseUrl(next.region, next.customBaseUrl, next.hostStyle)
      if (hostChanged && secrets.list().length > 0) return switchBackend()
      const view = settingsView()
      options.send('settingsChanged', view)
      return view
    },
    async setCredential({ kind, secret, storage }) {
      const baseUrl = chosenBaseUrl('Choose a Veridox region or enter its address before adding a key.')
      await options.verifyKey({ kind, secret }, baseUrl)
      secrets.write({ kind, secret }, keyEndpointOf(baseUrl), storage)
      return switchBackend()
    },
    async confirmKeyEndpoint({ endpoint }) {
      // The credential the window showed: the newest one saved for another host (or for none).
      const saved = shownCredential(secrets.list(), settings.get())
      if (!saved) throw new AppError('key_missing', 'No API key is saved, so there is none to move. Enter a key for this host.')
      const baseUrl = chosenBaseUrl('Choose a Veridox region or enter its address before moving the key.')
      const target = keyEndpointOf(baseUrl)
      // The analyst confirmed the host they were shown; if another one is chosen now, the key stays where it was.
      if (keyEndpointOf(endpoint) !== target) throw endpointChanged()
      if (saved.endpoint === target) return settingsView()
      await options.verifyKey(saved, baseUrl, { isAnswerRequired: true })
      const isStillSaved = secrets.list().some((entry) => entry.endpoint === saved.endpoint && entry.secret === saved.secret)
      if (!isStillSaved || chosenEndpointOf(settings.get()) !== target) throw endpointChanged()
      // Bound to this host too, kept as it was kept; a key bound to no host has found its one.
      secrets.write(saved, target, saved.protection === 'memory' ? 'session' : 'keychain')
      if (saved.endpoint === null) secrets.remove(null)
      return switchBackend()
    },
    clearApiKey() {
      // The credential the window shows goes; with none shown, an unreadable entry on disk is discarded.
      const shown = shownCredential(secrets.list(), settings.get())
      if (shown) secrets.remove(shown.endpoint)
      else secrets.clear()
      return switchBackend()
    },
    quitApp() {
      if (!options.quit) throw new AppError('not_available', 'Case Monitor cannot be quit from here.')
      options.quit()
    },
    getDiagnostics() {
      const session = requireSession()
      return { takenAt: options.clock.now(), mode: session.mode, host: new URL(session.baseUrl).host, ...session.monitor.diagnostics() }
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
