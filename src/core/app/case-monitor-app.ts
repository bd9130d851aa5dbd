import type { SystemState } from '../../shared/reachability'
import type { UpdateFlow } from '../updates/update-flow'
import { createBackendSwitcher, type BackendSwitcherOptions } from './backend-switcher'
import { createCaseSummaryFeed, type CaseSummary } from './case-summary'
import { createCommandHandlers } from './command-handlers'
import type { CommandHandlers } from './command-dispatcher'
import { createCompletionNotices, type CompletionNotice } from './completion-notices'
import type { EventSink } from './delta-batcher'
import { createKeyVerifier } from './key-verification'
import { forwardSessionEvents } from './session-events'
import { describeSettings } from './settings-view'
import { createVisibleCases } from './visible-cases'

export type { CaseSummary } from './case-summary'
export type { EmbeddedSimulator } from './backend-switcher'

export interface CaseMonitorAppOptions extends Omit<BackendSwitcherOptions, 'attach'> {
  send: EventSink
  /** True when the system showed the notification (false: unsupported, refused, or it failed). */
  notify(notice: CompletionNotice): boolean
  /** Started and disposed by the composition root; the app shows its status and tells it when settings change. */
  updates: Pick<UpdateFlow, 'status' | 'onChanged' | 'settingsChanged'>
  batchIntervalMs?: number
}

export interface CaseMonitorApp {
  readonly handlers: CommandHandlers
  start(): Promise<void>
  /** Asleep takes every session offline; without a network only a session on this machine keeps running. */
  setSystemState(state: SystemState): void
  /** False while the window is hidden (closed to the tray) or minimised: none of its cases counts as on screen. */
  setWindowShown(isShown: boolean): void
  summary(): CaseSummary
  onSummaryChanged(listener: () => void): () => void
  focusCase(caseId: string): void
  dispose(): Promise<void>
}

/** The desktop app's behaviour, free of Electron: the composition root gives it Electron's I/O. */
export function createCaseMonitorApp(options: CaseMonitorAppOptions): CaseMonitorApp {
  const { clock, log, settings, secrets, send } = options
  const settingsView = () => describeSettings(settings.get(), secrets, backend.current())
  const stopUpdateViews = options.updates.onChanged((status) => send('updateChanged', status))
  const summary = createCaseSummaryFeed(() => backend.current()?.monitor.views() ?? [])
  const notices = createCompletionNotices({
    clock,
    windowMs: 1_500,
    // With notifications switched off the window is where completions are seen: that counts as shown.
    show: (notice) => !settings.get().notificationsEnabled || options.notify(notice),
  })

  const visibleCases = createVisibleCases(() => backend.current()?.monitor ?? null)

  const backend = createBackendSwitcher({
    fetch: options.fetch,
    streamFetch: options.streamFetch,
    clock,
    log,
    settings,
    secrets,
    openProfileDocuments: options.openProfileDocuments,
    startSimulator: options.startSimulator,
    limits: options.limits,
    tuning: options.tuning,
    attach(session) {
      visibleCases.applyTo(session.monitor)
      const stopForwarding = forwardSessionEvents(session, {
        clock,
        intervalMs: options.batchIntervalMs ?? 100,
        send,
        onFlushed: summary.changed,
        onAnnounced: (announcement) => notices.add(announcement, () => session.monitor.acknowledge(announcement.caseId)),
        onKeyRejected: () => send('settingsChanged', settingsView()),
      })
      send('settingsChanged', settingsView())
      send('casesChanged', session.monitor.views())
      for (const announcement of session.monitor.pendingAnnouncements()) {
        if (session.monitor.has(announcement.caseId)) notices.add(announcement, () => session.monitor.acknowledge(announcement.caseId))
      }
      return () => {
        const caseIds = session.monitor.views().map((view) => view.caseId)
        stopForwarding()
        if (caseIds.length > 0) send('casesRemoved', caseIds)
      }
    },
  })

  return {
    handlers: createCommandHandlers({
      backend,
      settings,
      secrets,
      settingsView,
      visibleCases,
      send,
      clock,
      verifyKey: createKeyVerifier({ fetch: options.fetch, clock, log }),
      updateStatus: () => options.updates.status(),
      onSettingsSaved: () => options.updates.settingsChanged(),
    }),
    start: () => backend.switchBackend(),
    setSystemState: (state) => backend.setSystemState(state),
    setWindowShown: visibleCases.setWindowShown,
    summary: summary.summary,
    onSummaryChanged: summary.onChanged,
    focusCase: (caseId) => send('caseFocused', caseId),
    async dispose() {
      stopUpdateViews()
      await backend.dispose()
      notices.dispose()
    },
  }
}
