import { app, dialog, nativeImage, net, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { createCaseMonitorApp, type CaseMonitorApp } from '../core/app/case-monitor-app'
import { createCommandDispatcher } from '../core/app/command-dispatcher'
import { createSettingsStore } from '../core/app/settings-store'
import { createWindowCloseRule, isHiddenLaunch } from '../core/desktop/window-close-rule'
import { systemClock } from '../core/runtime/clock'
import { createConsoleLog } from '../core/runtime/log'
import { feedFileName } from '../core/updates/update-feed'
import { createUpdateFlow } from '../core/updates/update-flow'
import type { RotatingLogFile } from '../core/runtime/rotating-log-file'
import { openAppLogFile } from './electron/app-log-file'
import { startEmbeddedSimulator } from './electron/embedded-simulator'
import { openElectronDocument, openElectronProfileDocuments } from './electron/electron-stores'
import { createEventSender, registerCommandHandlers } from './electron/ipc-main-adapter'
import { createLoginItem, wasOpenedAtLogin } from './electron/login-item'
import { followThemeSetting } from './electron/native-theme'
import { openKeychainSecretStore } from './electron/keychain-secret-store'
import { createMainWindow, grantOnlyClipboardWrite, rendererLocation } from './electron/main-window'
import { createStreamFetch } from './electron/stream-fetch'
import { watchSystemState } from './electron/system-signals'
import { createAppTray, revealWindow, showCompletionNotice } from './electron/tray-and-notices'
import { detectSystemTray } from './electron/tray-check'
import { createUpdateInstaller } from './electron/update-installer'
import { recoverWindowFailures } from './electron/window-recovery'

// The composition root: it builds the Electron-free core, gives it Electron's I/O, and wires the two.
// A separate profile folder lets tests (and a second analyst account) run without touching the usual one.
if (process.env.CASE_MONITOR_USER_DATA) app.setPath('userData', process.env.CASE_MONITOR_USER_DATA)

const appId = 'ai.veridox.case-monitor'
let mainWindow: BrowserWindow | null = null
let isQuitting = false
let hasStarted = false
// A launch heard before the window exists: the window is brought forward as soon as there is one.
let isRevealPending = false
// The log file is what an analyst can send to support; lines carry facts, never keys (see runtime/log.ts).
let logFile: RotatingLogFile | null = null
const log = createConsoleLog(process.env.CASE_MONITOR_LOG === 'debug' ? 'debug' : 'info', (line) => {
  console.log(line)
  logFile?.writeLine(line)
})

const reasonOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : 'unknown').slice(0, 500)

function reveal(): void {
  if (mainWindow && !mainWindow.isDestroyed()) revealWindow(mainWindow)
  else isRevealPending = true
}

function failToStart(error: unknown): void {
  const reason = reasonOf(error)
  log('error', 'Case Monitor could not start', { reason })
  logFile?.close()
  dialog.showErrorBox(
    'Case Monitor could not start',
    `Case Monitor stopped while starting and is not watching your cases. Starting it again may help.\n\nFor support: ${reason}\nThe log file is in ${app.getPath('logs')}.`,
  )
  app.exit(1)
}

async function start(): Promise<void> {
  // Windows shows a toast only for the ID its shortcut carries: the installer's appId, or the dev binary itself.
  app.setAppUserModelId(app.isPackaged ? appId : process.execPath)
  logFile = openAppLogFile()
  const icon = nativeImage.createFromPath(join(__dirname, '../../resources/icon.png'))
  const location = rendererLocation(process.env.ELECTRON_RENDERER_URL, app.isPackaged)
  const hasTray = await detectSystemTray(log)
  const settings = followThemeSetting(createSettingsStore(openElectronDocument('settings', log), log))
  const loginItem = createLoginItem()
  const send = createEventSender(() => mainWindow?.webContents ?? null)
  const quit = (): void => {
    isQuitting = true
    app.quit()
  }
  const updates = createUpdateFlow({
    fetch: net.fetch as typeof fetch,
    clock: systemClock,
    log,
    currentVersion: app.getVersion(),
    feedFileName: feedFileName(process.platform, process.arch),
    installer: createUpdateInstaller({ isPackaged: app.isPackaged, log }),
    settings: () => settings.get(),
  })

  const caseApp: CaseMonitorApp = createCaseMonitorApp({
    // Chromium's network stack for REST calls: it honours the system's proxy settings, which corporate networks need.
    fetch: net.fetch as typeof fetch,
    streamFetch: createStreamFetch(),
    clock: systemClock,
    log,
    settings,
    secrets: await openKeychainSecretStore(openElectronDocument('secrets', log), log),
    openProfileDocuments: (profileId) => openElectronProfileDocuments(profileId, log),
    startSimulator: startEmbeddedSimulator,
    send,
    hasTray,
    loginItem,
    quit,
    updates,
    notify: (notice) =>
      showCompletionNotice(notice, {
        icon,
        onClick(notice) {
          reveal()
          if (notice.caseId) caseApp.focusCase(notice.caseId)
          else if (notice.group) caseApp.focusCases(notice.group)
        },
      }),
  })
  registerCommandHandlers(createCommandDispatcher(caseApp.handlers, log), location.isTrustedFrameUrl)

  grantOnlyClipboardWrite(location)
  const startsHidden = isHiddenLaunch(process.argv, wasOpenedAtLogin())
  const window = createMainWindow(location, icon, app.isPackaged, startsHidden ? (hasTray ? 'hidden' : 'minimized') : 'shown')
  mainWindow = window
  recoverWindowFailures(window, log)
  // Closing the window keeps the app watching from the tray, or from the taskbar where there is no tray.
  const closeRule = createWindowCloseRule({ hasTray, notes: openElectronDocument('window-notes', log) })
  window.on('close', (event) => {
    if (isQuitting) return
    event.preventDefault()
    const { action, shouldExplain } = closeRule.close()
    if (action === 'hide') window.hide()
    else window.minimize()
    if (shouldExplain) send('closedWithoutTray', null)
  })
  const reportShown = (): void => caseApp.setWindowShown(window.isVisible() && !window.isMinimized())
  window.on('show', reportShown)
  window.on('hide', reportShown)
  window.on('minimize', reportShown)
  window.on('restore', reportShown)
  reportShown()
  const tray = createAppTray({
    iconsDir: join(__dirname, '../../resources/tray'),
    model: caseApp.trayModel(),
    actions: {
      showWindow: reveal,
      openCase(caseId) {
        reveal()
        caseApp.focusCase(caseId)
      },
      togglePause: () => caseApp.setPaused(!caseApp.isPaused()),
      // Through the settings path, so the window and the notifications hear of it as of any other setting.
      toggleDoNotDisturb: async () => {
        const { settings } = await caseApp.handlers.getSnapshot()
        await caseApp.handlers.updateSettings({ doNotDisturb: !settings.doNotDisturb })
      },
      quit,
    },
  })
  caseApp.onTrayChanged(() => tray.update(caseApp.trayModel()))
  const stopWatchingSystem = watchSystemState((state) => caseApp.setSystemState(state))

  let disposed = false
  app.on('before-quit', (event) => {
    isQuitting = true
    if (disposed) return
    event.preventDefault()
    stopWatchingSystem()
    updates.dispose()
    void caseApp.dispose().finally(() => {
      disposed = true
      tray.destroy()
      app.quit()
    })
  })

  // A moved AppImage or a new install path: the entry is rewritten so the next login starts this one.
  if (settings.get().startAtLogin) {
    try {
      loginItem.setEnabled(true)
    } catch (error) {
      log('warn', 'Could not refresh the login item', { reason: reasonOf(error) })
    }
  }
  await caseApp.start()
  updates.start()
  hasStarted = true
  if (isRevealPending) reveal()
}

// A second launch only brings the first one forward; it must not start a second app on the same files.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  process.on('uncaughtException', (error) => {
    if (!hasStarted) return failToStart(error)
    log('error', 'Unexpected error in the main process', { reason: reasonOf(error) })
  })
  process.on('unhandledRejection', (reason) => {
    log('error', 'Unhandled promise rejection in the main process', { reason: reasonOf(reason) })
  })
  // Registered before ready: a launch during start-up is heard, and answered once the window exists.
  // A login session starting the app again (--hidden) must not pull the running window out of the tray.
  app.on('second-instance', (_event, argv) => {
    if (!isHiddenLaunch(argv, false)) reveal()
  })
  app.on('activate', reveal)
  app.whenReady().then(start).catch(failToStart)
}
