import { app, nativeImage, net, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { createCaseMonitorApp } from '../core/app/case-monitor-app'
import { createCommandDispatcher } from '../core/app/command-dispatcher'
import { createSettingsStore } from '../core/app/settings-store'
import { systemClock } from '../core/runtime/clock'
import { createConsoleLog } from '../core/runtime/log'
import type { RotatingLogFile } from '../core/runtime/rotating-log-file'
import { openAppLogFile } from './electron/app-log-file'
import { startEmbeddedSimulator } from './electron/embedded-simulator'
import { openElectronDocument, openElectronProfileDocuments } from './electron/electron-stores'
import { createEventSender, registerCommandHandlers } from './electron/ipc-main-adapter'
import { openKeychainSecretStore } from './electron/keychain-secret-store'
import { createMainWindow, denyAllPermissions, rendererLocation } from './electron/main-window'
import { watchReachability } from './electron/system-signals'
import { createAppTray, revealWindow, showCompletionNotice } from './electron/tray-and-notices'

// The composition root: it builds the Electron-free core, gives it Electron's I/O, and wires the two.
// A separate profile folder lets tests (and a second analyst account) run without touching the usual one.
if (process.env.CASE_MONITOR_USER_DATA) app.setPath('userData', process.env.CASE_MONITOR_USER_DATA)
if (!app.requestSingleInstanceLock()) app.quit()

let mainWindow: BrowserWindow | null = null
let isQuitting = false
// The log file is what an analyst can send to support; lines carry facts, never keys (see runtime/log.ts).
let logFile: RotatingLogFile | null = null
const log = createConsoleLog(process.env.CASE_MONITOR_LOG === 'debug' ? 'debug' : 'info', (line) => {
  console.log(line)
  logFile?.writeLine(line)
})

async function start(): Promise<void> {
  app.setAppUserModelId('ai.veridox.case-monitor')
  logFile = openAppLogFile()
  const icon = nativeImage.createFromPath(join(__dirname, '../../resources/icon.png'))
  const trayIcon = nativeImage.createFromPath(join(__dirname, '../../resources/tray-icon.png'))
  const location = rendererLocation(process.env.ELECTRON_RENDERER_URL)

  const caseApp = createCaseMonitorApp({
    // Chromium's network stack: it honours the system's proxy settings, which corporate networks need.
    fetch: net.fetch as typeof fetch,
    clock: systemClock,
    log,
    settings: createSettingsStore(openElectronDocument('settings', log), log),
    secrets: await openKeychainSecretStore(openElectronDocument('secrets', log), log),
    openProfileDocuments: (profileId) => openElectronProfileDocuments(profileId, log),
    startSimulator: startEmbeddedSimulator,
    send: createEventSender(() => mainWindow?.webContents ?? null),
    notify: (notice) =>
      showCompletionNotice(notice, {
        icon,
        onClick(caseId) {
          revealWindow(mainWindow)
          if (caseId) caseApp.focusCase(caseId)
        },
      }),
  })
  registerCommandHandlers(createCommandDispatcher(caseApp.handlers, log), location.isTrustedFrameUrl)

  denyAllPermissions()
  mainWindow = createMainWindow(location, icon)
  // Closing the window keeps the app watching from the tray; Quit in the tray menu ends it.
  mainWindow.on('close', (event) => {
    if (isQuitting) return
    event.preventDefault()
    mainWindow?.hide()
  })
  const tray = createAppTray({
    icon: trayIcon,
    showWindow: () => revealWindow(mainWindow),
    quit: () => {
      isQuitting = true
      app.quit()
    },
  })
  caseApp.onSummaryChanged(() => tray.update(caseApp.summary()))
  const stopWatchingReachability = watchReachability((isReachable) => caseApp.setReachable(isReachable))

  app.on('second-instance', () => revealWindow(mainWindow))
  app.on('activate', () => revealWindow(mainWindow))
  let disposed = false
  app.on('before-quit', (event) => {
    isQuitting = true
    if (disposed) return
    event.preventDefault()
    stopWatchingReachability()
    void caseApp.dispose().finally(() => {
      disposed = true
      tray.destroy()
      app.quit()
    })
  })

  await caseApp.start()
}

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    log('error', 'Case Monitor could not start', { reason: error instanceof Error ? error.message : 'unknown' })
    app.exit(1)
  })
