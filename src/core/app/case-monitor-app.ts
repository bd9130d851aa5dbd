import type { SystemState } from '../../shared/reachability'
import type { CompletionAnnouncement } from '../monitor/case-monitor'
import type { BackendSession } from './backend-session'
import type { UpdateFlow } from '../updates/update-flow'
import { createBackendSwitcher, type BackendSwitcherOptions } from './backend-switcher'
import { createCaseSummaryFeed, type CaseSummary } from './case-summary'
import { createCommandHandlers } from './command-handlers'
import type { CommandHandlers } from './command-dispatcher'
import type { LoginItem } from '../desktop/autostart-entry'
import type { CompletionNotice, NoticeGroup } from './completion-notices'
import { createAwaySpells } from './away-spells'
import { quietReasonAt } from './notice-gate'
import { createNoticePipeline } from './notice-pipeline'
import type { EventSink } from './delta-batcher'
import { createKeyVerifier } from './key-verification'
import { forwardSessionEvents } from './session-events'
import { describeSettings } from './settings-view'
import { createTrayFeed } from './tray-feed'
import type { TrayModel } from './tray-model'
import { createVisibleCases } from './visible-cases'
import { createPacedCall } from '../runtime/paced-call'

export type { CaseSummary } from './case-summary'
export type { TrayModel } from './tray-model'
export type { EmbeddedSimulator } from './backend-switcher'

export interface CaseMonitorAppOptions extends Omit<BackendSwitcherOptions, 'attach'> {
  send: EventSink
  /** True when the system showed the notification (false: unsupported, refused, or it failed). */
  notify(notice: CompletionNotice): boolean
  /** Started and disposed by the composition root; the app shows its status and tells it when settings change. */
  updates: Pick<UpdateFlow, 'status' | 'onChanged' | 'settingsChanged'>
  batchIntervalMs?: number
  /** Whether the desktop shows a tray icon; true unless the composition root found none. */
  hasTray?: boolean
  /** How the app starts at login on this system; absent where it cannot. */
  loginItem?: LoginItem
  /** The tray's Quit, for the window's own Quit button and Ctrl+Q. */
  quit?: () => void
}

export interface CaseMonitorApp {
  readonly handlers: CommandHandlers
  start(): Promise<void>
  /** Asleep takes every session offline; without a network only a session on this machine keeps running. */
  setSystemState(state: SystemState): void
  /** False while the window is hidden (closed to the tray) or minimised: none of its cases counts as on screen. */
  setWindowShown(isShown: boolean): void
  /** Pauses (true) or resumes all watching; a completion that happened meanwhile is announced once on resume. */
  setPaused(isPaused: boolean): void
  isPaused(): boolean
  summary(): CaseSummary
  onSummaryChanged(listener: () => void): () => void
  trayModel(): TrayModel
  /** Only when something the tray shows changed. */
  onTrayChanged(listener: () => void): () => void
  focusCase(caseId: string): void
  /** A notice about several cases was clicked: the window lists only them. */
  focusCases(group: NoticeGroup): void
  dispose(): Promise<void>
}

/** The desktop app's behaviour, free of Electron: the composition root gives it Electron's I/O. */
export function createCaseMonitorApp(options: CaseMonitorAppOptions): CaseMonitorApp {
  const { clock, log, settings, secrets } = options
  let isPaused = false
  const settingsView = () => describeSettings(settings.get(), secrets, backend.current(), { hasTray: options.hasTray ?? true, isPaused })
  const stopUpdateViews = options.updates.onChanged((status) => options.send('updateChanged', status))
  const summary = createCaseSummaryFeed(() => backend.current()?.monitor.views() ?? [])
  const tray = createTrayFeed(() => ({
    views: backend.current()?.monitor.views() ?? [],
    isPaused,
    doNotDisturb: settings.get().doNotDisturb,
    isQuietHours: quietReasonAt(settings.get(), clock) === 'quiet_hours',
  }))
  const send: EventSink = (event, payload) => {
    options.send(event, payload)
    if (event === 'settingsChanged') tray.changed()
  }
  // Both read every watched case: a few times a second is enough for the tray, however fast the window's batches go.
  const trayRefresh = createPacedCall(clock, 250, () => {
    summary.changed()
    tray.changed()
  })
  const casesFlushed = (): void => trayRefresh.request()
  const announced = (announcement: CompletionAnnouncement, session: BackendSession): void => {
    notices.addCompletion(announcement, () => session.monitor.acknowledge(announcement.caseId))
  }
  const away = createAwaySpells(clock)
  const notices = createNoticePipeline({
    clock,
    windowMs: 1_500,
    // The reconnect spread (monitor-tuning.ts, 3 s) plus the catching-up snapshots.
    awayWindowMs: 5_000,
    quietCheckMs: 60_000,
    show: options.notify,
    // With notifications switched off the window is where completions are seen: that counts as shown.
    isEnabled: () => settings.get().notificationsEnabled,
    quietReason: () => quietReasonAt(settings.get(), clock),
    isMuted: (caseId) => backend.current()?.monitor.view(caseId)?.isMuted ?? false,
    wasAway: (announcement) =>
      away.finishedWhileAway({
        completedAt: announcement.completedAt,
        addedAt: backend.current()?.monitor.view(announcement.caseId)?.addedAt ?? 0,
      }),
  })

  // Quiet hours begin and end without an event of their own: the tray looks once a minute (it redraws only on a change).
  let cancelQuietHoursTick = clock.setTimeout(function quietHoursTick() {
    tray.changed()
    cancelQuietHoursTick = clock.setTimeout(quietHoursTick, 60_000)
  }, 60_000)

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
        intervalMs: options.batchIntervalMs ?? 30,
        send,
        onFlushed: casesFlushed,
        onAnnounced: (announcement) => announced(announcement, session),
        onKeyRejected: () => send('settingsChanged', settingsView()),
        onUnreachable: notices.addUnreachable,
      })
      send('settingsChanged', settingsView())
      send('casesChanged', session.monitor.views())
      for (const announcement of session.monitor.pendingAnnouncements()) {
        if (session.monitor.has(announcement.caseId)) announced(announcement, session)
      }
      return () => {
        const caseIds = session.monitor.views().map((view) => view.caseId)
        stopForwarding()
        if (caseIds.length > 0) send('casesRemoved', caseIds)
      }
    },
  })

  const handlers = createCommandHandlers({
    backend,
    settings,
    secrets,
    settingsView,
    visibleCases,
    send,
    clock,
    verifyKey: createKeyVerifier({ fetch: options.fetch, clock, log }),
    loginItem: options.loginItem,
    log,
    quit: options.quit,
    updateStatus: () => options.updates.status(),
    onSettingsSaved: () => options.updates.settingsChanged(),
  })
  const updateSettings = handlers.updateSettings
  handlers.updateSettings = async (patch) => {
    const view = await updateSettings(patch)
    // Do Not Disturb switched off, or quiet hours changed: what they held back is told now.
    notices.recheckQuiet()
    return view
  }

  return {
    handlers,
    start: () => backend.switchBackend(),
    setSystemState(state) {
      away.noteSystemState(state)
      backend.setSystemState(state)
    },
    setWindowShown: visibleCases.setWindowShown,
    setPaused(paused) {
      if (paused === isPaused) return
      isPaused = paused
      backend.setPaused(paused)
      send('settingsChanged', settingsView())
    },
    isPaused: () => isPaused,
    summary: summary.summary,
    onSummaryChanged: summary.onChanged,
    trayModel: tray.model,
    onTrayChanged: tray.onChanged,
    focusCase(caseId) {
      // The window opens the case's detail: that is seeing it.
      backend.current()?.monitor.markSeen([caseId])
      send('caseFocused', caseId)
    },
    focusCases(group) {
      send('casesFocused', group)
    },
    async dispose() {
      cancelQuietHoursTick()
      trayRefresh.cancel()
      stopUpdateViews()
      await backend.dispose()
      notices.dispose()
    },
  }
}
