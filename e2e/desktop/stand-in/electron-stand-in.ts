import { toTest } from './channel'
import { StandInApp } from './stand-in-app'
import { dialog, shell, StandInMenu, StandInNotification, StandInTray, wireDesktop } from './stand-in-desktop'
import { nativeImage, nativeTheme, net, powerMonitor, safeStorage, wireSystem } from './stand-in-system'
import { ipcMain, session, StandInBrowserWindow, wireWindows } from './stand-in-window'
import { wireRequests } from './stand-in-wire'

/**
 * What `require('electron')` gives the built main process in tests. Each piece is typed by a Pick of
 * Electron's own declarations; anything the app reaches for that is not modelled throws at once and
 * tells the test, so a gap in the stand-in can never pass silently.
 */
export function createElectronStandIn(): object {
  const app = new StandInApp()
  wireWindows(app)
  wireDesktop()
  wireSystem()
  wireRequests()
  const modules: Record<string, unknown> = {
    app,
    BrowserWindow: StandInBrowserWindow,
    ipcMain,
    session,
    Tray: StandInTray,
    Menu: StandInMenu,
    Notification: StandInNotification,
    dialog,
    shell,
    powerMonitor,
    net,
    safeStorage,
    nativeTheme,
    nativeImage,
  }
  const electron: object = new Proxy(modules, {
    get(target, name) {
      if (typeof name === 'symbol' || name === '__esModule' || name === 'then') return undefined
      if (name === 'default') return electron
      if (name in target) return target[name]
      toTest({ kind: 'unmodelled', name: `electron.${name}` })
      throw new Error(`The Electron stand-in does not model electron.${name}`)
    },
  })
  return electron
}
