import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface RendererLocation {
  /** Where the page is loaded from; only this page may use the bridge. */
  url: string
  isTrustedFrameUrl(url: string): boolean
}

export function rendererLocation(devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin
    return { url: devServerUrl, isTrustedFrameUrl: (url) => url.startsWith(`${origin}/`) }
  }
  const fileUrl = pathToFileURL(join(__dirname, '../renderer/index.html')).href
  return { url: fileUrl, isTrustedFrameUrl: (url) => url.split('#')[0] === fileUrl }
}

const secureWebPreferences: BrowserWindowConstructorOptions['webPreferences'] = {
  preload: join(__dirname, '../preload/index.js'),
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
}

export function createMainWindow(location: RendererLocation, icon: Electron.NativeImage): BrowserWindow {
  const window = new BrowserWindow({
    width: 1240,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Case Monitor',
    icon,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences,
  })
  window.once('ready-to-show', () => window.show())
  // The window shows only the app's own page: navigation elsewhere is refused and https links open in the browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== location.url) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadURL(location.url)
  return window
}
