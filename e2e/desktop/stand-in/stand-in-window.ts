import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron'
import { EventEmitter } from 'node:events'
import { answer, onTestMessage, toTest } from './channel'
import { preventableEvent, type StandInApp } from './stand-in-app'
import { standInEnv } from './stand-in-env'

type UsedWebContents = Pick<
  WebContents,
  'id' | 'send' | 'isDestroyed' | 'setWindowOpenHandler' | 'reload' | 'openDevTools' | 'isDevToolsOpened' | 'getURL' | 'isCrashed'
>
type UsedWindow = Pick<
  BrowserWindow,
  | 'id'
  | 'webContents'
  | 'loadURL'
  | 'show'
  | 'hide'
  | 'focus'
  | 'isVisible'
  | 'isFocused'
  | 'isMinimized'
  | 'minimize'
  | 'restore'
  | 'close'
  | 'destroy'
  | 'isDestroyed'
  | 'setTitle'
  | 'getTitle'
>
type UsedIpcMain = Pick<IpcMain, 'handle' | 'removeHandler'>
type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0]

let nextId = 1
const windows = new Map<number, StandInBrowserWindow>()

class StandInWebContents extends EventEmitter implements UsedWebContents {
  readonly id: number
  url = ''
  private destroyed = false
  private devToolsOpen = false
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null

  constructor(
    private readonly windowId: number,
    private readonly devToolsAllowed: boolean,
  ) {
    super()
    this.id = windowId
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    toTest({ kind: 'webcontents-send', windowId: this.windowId, channel, payload: args[0] })
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  markDestroyed(): void {
    this.destroyed = true
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler
  }

  reload(): void {
    toTest({ kind: 'window-reload', windowId: this.windowId })
  }

  openDevTools(): void {
    // Electron ignores the call when webPreferences.devTools is false.
    if (!this.devToolsAllowed) return
    this.devToolsOpen = true
    toTest({ kind: 'window-devtools', windowId: this.windowId })
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpen
  }

  getURL(): string {
    return this.url
  }

  isCrashed(): boolean {
    return false
  }
}

/**
 * A BrowserWindow whose page lives in the test process's Chromium: loads, visibility and sends are
 * reported there; the page's events (load, crash, navigation, IPC) come back through the channel.
 */
export class StandInBrowserWindow extends EventEmitter implements UsedWindow {
  readonly id: number
  readonly webContents: WebContents
  private readonly contents: StandInWebContents
  private visible = false
  private focused = false
  private minimized = false
  private destroyed = false
  private title: string
  private pendingLoad: { resolve(): void; reject(error: Error): void } | null = null

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super()
    this.id = nextId++
    const preferences = options.webPreferences ?? {}
    this.contents = new StandInWebContents(this.id, preferences.devTools ?? true)
    this.webContents = this.contents as unknown as WebContents
    this.title = options.title ?? 'Electron'
    windows.set(this.id, this)
    toTest({
      kind: 'window-created',
      windowId: this.id,
      options: {
        show: options.show ?? true,
        title: this.title,
        preload: preferences.preload ?? '',
        sandbox: preferences.sandbox ?? true,
        contextIsolation: preferences.contextIsolation ?? true,
        nodeIntegration: preferences.nodeIntegration ?? false,
        devTools: preferences.devTools ?? true,
      },
    })
    if (options.show ?? true) this.show()
  }

  static getAllWindows(): StandInBrowserWindow[] {
    return [...windows.values()]
  }

  loadURL(url: string): Promise<void> {
    this.contents.url = url
    toTest({ kind: 'window-load', windowId: this.id, url })
    return new Promise((resolve, reject) => (this.pendingLoad = { resolve, reject }))
  }

  show(): void {
    this.visible = true
    this.focused = true
    this.minimized = false
    this.emit('show')
    this.report()
  }

  hide(): void {
    this.visible = false
    this.focused = false
    this.emit('hide')
    this.report()
  }

  focus(): void {
    this.focused = true
    this.emit('focus')
    this.report()
  }

  isVisible(): boolean {
    return this.visible
  }

  isFocused(): boolean {
    return this.focused
  }

  isMinimized(): boolean {
    return this.minimized
  }

  /** As Electron's NativeWindowViews::Minimize: a hidden window is shown straight into the minimised state, unfocused. */
  minimize(): void {
    const wasHidden = !this.visible
    this.visible = true
    this.minimized = true
    this.focused = false
    if (wasHidden) this.emit('show')
    this.emit('minimize')
    this.report()
  }

  restore(): void {
    this.minimized = false
    this.emit('restore')
    this.report()
  }

  /** Like a click on the window's close button: `close` may be prevented. */
  close(): void {
    const event = preventableEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }

  /** True when the window closed (or was already gone). */
  closeForQuit(): boolean {
    if (this.destroyed) return true
    this.close()
    return this.destroyed
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.visible = false
    this.contents.markDestroyed()
    windows.delete(this.id)
    this.report()
    this.emit('closed')
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  setTitle(title: string): void {
    this.title = title
  }

  getTitle(): string {
    return this.title
  }

  pageEvent(name: string, details: Record<string, unknown> = {}): void {
    const contents = this.contents
    if (name === 'did-finish-load') {
      contents.emit('did-finish-load', preventableEvent())
      this.pendingLoad?.resolve()
      this.pendingLoad = null
    } else if (name === 'did-fail-load') {
      const code = Number(details.errorCode ?? -2)
      const description = String(details.errorDescription ?? 'ERR_FAILED')
      contents.emit('did-fail-load', preventableEvent(), code, description, String(details.validatedURL ?? contents.url), true, 0, 0)
      this.pendingLoad?.reject(new Error(`${description} (${code}) loading '${contents.url}'`))
      this.pendingLoad = null
    } else if (name === 'ready-to-show') {
      this.emit('ready-to-show', preventableEvent())
    } else if (name === 'render-process-gone') {
      contents.emit('render-process-gone', preventableEvent(), { reason: details.reason ?? 'crashed', exitCode: 1 })
    } else {
      this.emit(name, preventableEvent())
    }
  }

  private report(): void {
    toTest({
      kind: 'window-state',
      windowId: this.id,
      isVisible: this.visible,
      isFocused: this.focused,
      isMinimized: this.minimized,
      isDestroyed: this.destroyed,
    })
  }
}

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

class StandInIpcMain extends EventEmitter implements UsedIpcMain {
  readonly handlers = new Map<string, Handler>()

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

export const ipcMain = new StandInIpcMain()

const permissionHandlers: { request: PermissionRequestHandler | null; check: PermissionCheckHandler | null } = {
  request: null,
  check: null,
}

type UsedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'resolveProxy'>

const defaultSession: UsedSession = {
  setPermissionRequestHandler(handler) {
    permissionHandlers.request = handler
  },
  setPermissionCheckHandler(handler) {
    permissionHandlers.check = handler
  },
  resolveProxy: () => Promise.resolve(standInEnv.proxy),
}

export const session = { defaultSession }

/** Whether the page may use a permission: the check handler, then the request handler, as Chromium asks. */
async function decidePermission(contents: WebContents, permission: string, requestingUrl: string): Promise<boolean> {
  const origin = new URL(requestingUrl).origin
  const checked = permissionHandlers.check
    ? permissionHandlers.check(contents, permission as never, origin, { requestingUrl, isMainFrame: true } as never)
    : true
  if (!checked) return false
  const request = permissionHandlers.request
  if (!request) return true
  return new Promise<boolean>((resolve) => request(contents, permission as never, resolve, { requestingUrl, isMainFrame: true } as never))
}

export function wireWindows(app: StandInApp): void {
  app.closeAllWindows = () => [...windows.values()].every((window) => window.closeForQuit())
  onTestMessage((message) => {
    if (message.kind === 'quit') return app.quit()
    if (!('windowId' in message)) return
    const window = windows.get(message.windowId)
    if (message.kind === 'page-event') return window?.pageEvent(message.name, message.details)
    if (message.kind === 'window-user') return window && userAction(window, message.action, app)
    if (!window) return 'requestId' in message ? answer(message.requestId, () => ({ error: 'the window is gone' })) : undefined
    const contents = window.webContents
    if (message.kind === 'invoke') {
      return answer(message.requestId, async () => {
        const handler = ipcMain.handlers.get(message.channel)
        if (!handler) throw new Error(`No handler registered for '${message.channel}'`)
        const event = {
          sender: contents,
          senderFrame: { url: message.frameUrl },
          frameId: 1,
          processId: 1,
        } as unknown as IpcMainInvokeEvent
        return { value: await handler(event, ...message.args) }
      })
    }
    if (message.kind === 'will-navigate') {
      return answer(message.requestId, () => {
        const event = preventableEvent()
        contents.emit('will-navigate', Object.assign(event, { url: message.url }), message.url)
        return { prevented: event.defaultPrevented }
      })
    }
    if (message.kind === 'window-open') {
      return answer(message.requestId, () => {
        const handler = (contents as unknown as StandInWebContents).openHandler
        const response = handler
          ? handler({
              url: message.url,
              frameName: '',
              features: '',
              disposition: 'new-window',
              referrer: { url: '', policy: 'default' },
            } as HandlerDetails)
          : { action: 'allow' }
        return { action: response.action }
      })
    }
    if (message.kind === 'permission') {
      return answer(message.requestId, async () => ({
        granted: await decidePermission(contents, message.permission, message.requestingUrl),
      }))
    }
  })
}

function userAction(window: StandInBrowserWindow, action: 'close' | 'minimize' | 'restore' | 'focus' | 'blur', app: StandInApp): void {
  if (action === 'close') {
    window.close()
    // Electron quits when the last window closes and nobody listens for window-all-closed.
    if (!window.isDestroyed() || windows.size > 0) return
    if (app.listenerCount('window-all-closed') === 0) app.quit()
    else app.emit('window-all-closed')
    return
  }
  if (action === 'minimize') return window.minimize()
  if (action === 'restore') return window.restore()
  if (action === 'focus') return window.focus()
  window.emit('blur')
}
