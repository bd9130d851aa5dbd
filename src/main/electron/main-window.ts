import { BrowserWindow, session, shell } from 'electron'
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

// Links the app may open in the browser: Veridox's own sites and nothing else.
const isVeridoxPage = (url: string): boolean => {
  try {
    const { protocol, hostname } = new URL(url)
    return protocol === 'https:' && (hostname === 'veridox.ai' || hostname.endsWith('.veridox.ai'))
  } catch {
    return false
  }
}

/** The page needs no camera, microphone, geolocation or other permission: every request is refused. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
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
    // Written out here rather than shared, so that scanners (electronegativity) can check each one.
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.once('ready-to-show', () => window.show())
  // The window shows only the app's own page: navigation elsewhere is refused; Veridox links open in the browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== location.url) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isVeridoxPage(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadURL(location.url)
  return window
}
