import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface RendererLocation {
  /** Where the page is loaded from; only this page may use the bridge. */
  url: string
  isTrustedFrameUrl(url: string): boolean
}

/** The dev server's page only in a development run: a packaged app loads its own files, whatever the environment says. */
export function rendererLocation(devServerUrl: string | undefined, isPackaged: boolean): RendererLocation {
  if (devServerUrl && !isPackaged) {
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

// Copy case ID writes to the clipboard; the page needs no camera, microphone, location or anything else.
const grantedPermissions = new Set(['clipboard-sanitized-write'])

/** Every permission is refused but writing to the clipboard, and that only for the app's own page. */
export function grantOnlyClipboardWrite(location: RendererLocation): void {
  const isGranted = (permission: string, requestingUrl: string | undefined): boolean =>
    grantedPermissions.has(permission) && requestingUrl !== undefined && location.isTrustedFrameUrl(requestingUrl)
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isGranted(permission, details.requestingUrl)),
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isGranted(permission, details.requestingUrl),
  )
}

/** `hidden`: started at login, in the tray. `minimized`: started at login where there is no tray, so in the taskbar. */
export type WindowStart = 'shown' | 'hidden' | 'minimized'

export function createMainWindow(
  location: RendererLocation,
  icon: Electron.NativeImage,
  isPackaged: boolean,
  startsAs: WindowStart = 'shown',
): BrowserWindow {
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
      devTools: !isPackaged,
    },
  })
  window.once('ready-to-show', () => {
    if (startsAs === 'shown') return window.show()
    // Electron shows a hidden window straight into the taskbar, unfocused (NativeWindowViews::Minimize).
    if (startsAs === 'minimized') window.minimize()
  })
  // The window shows only the app's own page: navigation elsewhere is refused; Veridox links open in the browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== location.url) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isVeridoxPage(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  // A failed load rejects here and emits did-fail-load, which window-recovery.ts reports: one failure, told once.
  window.loadURL(location.url).catch(() => undefined)
  return window
}
