import type { BrowserContext, Page } from '@playwright/test'
import type { FromMain } from '../stand-in/protocol'
import type { DesktopApp } from './desktop-app'
import { sandboxedPreloadScript } from './sandboxed-preload'

type WindowOptions = Extract<FromMain, { kind: 'window-created' }>['options']
type WindowMessage = Extract<FromMain, { windowId: number }>

// Chromium's error codes for the loads the app can get wrong.
const loadErrorCodes: Record<string, number> = {
  ERR_FILE_NOT_FOUND: -6,
  ERR_CONNECTION_REFUSED: -102,
  ERR_NAME_NOT_RESOLVED: -105,
  ERR_ABORTED: -3,
}

/** A BrowserWindow's page in Chromium, driven by what the main process asks of its window. */
export class DesktopWindow {
  page: Page | null = null
  hasLoaded = false
  isVisible = false
  isFocused = false
  isMinimized = false
  isDestroyed = false
  url = ''
  crashes = 0
  readonly openRequests: string[] = []
  /** Opens main let through: Electron would have opened a new window for each. */
  readonly allowedOpens: string[] = []
  readonly refusedNavigations: string[] = []
  private pageReady: Promise<Page> | null = null

  constructor(
    private readonly app: DesktopApp,
    readonly windowId: number,
    readonly options: WindowOptions,
    private readonly context: Promise<BrowserContext>,
  ) {}

  /** The window's page once it has loaded; a crash replaces it, so ask again after one. */
  async loadedPage(): Promise<Page> {
    await this.app.until(`window ${this.windowId} to load`, () => this.hasLoaded && this.page !== null)
    return this.page!
  }

  close(): void {
    this.app.send({ kind: 'window-user', windowId: this.windowId, action: 'close' })
  }

  minimize(): void {
    this.app.send({ kind: 'window-user', windowId: this.windowId, action: 'minimize' })
  }

  /** As a click on the window's taskbar entry brings a minimised window back. */
  restore(): void {
    this.app.send({ kind: 'window-user', windowId: this.windowId, action: 'restore' })
  }

  receive(message: WindowMessage): void {
    if (message.kind === 'window-load') void this.load(message.url)
    else if (message.kind === 'window-reload') void this.load(this.url)
    else if (message.kind === 'window-state')
      Object.assign(this, {
        isVisible: message.isVisible,
        isFocused: message.isFocused,
        isMinimized: message.isMinimized,
        isDestroyed: message.isDestroyed,
      })
    else if (message.kind === 'webcontents-send' && this.page && this.hasLoaded) {
      this.page
        .evaluate(
          ([channel, payload]) =>
            (window as unknown as { __standInDeliver?(c: string, p: unknown): void }).__standInDeliver?.(channel, payload),
          [message.channel, message.payload] as const,
        )
        .catch(() => undefined)
    }
  }

  private pageEvent(
    name: 'did-finish-load' | 'ready-to-show' | 'did-fail-load' | 'render-process-gone',
    details?: Record<string, unknown>,
  ): void {
    this.app.send({ kind: 'page-event', windowId: this.windowId, name, details })
  }

  private async load(url: string): Promise<void> {
    this.url = url
    this.hasLoaded = false
    const page = await this.freshPage()
    try {
      await page.goto(url, { waitUntil: 'load' })
      this.hasLoaded = true
      this.pageEvent('ready-to-show')
      this.pageEvent('did-finish-load')
    } catch (error) {
      const reason = error instanceof Error ? (/net::(ERR_[A-Z_]+)/.exec(error.message)?.[1] ?? 'ERR_FAILED') : 'ERR_FAILED'
      this.pageEvent('did-fail-load', { errorCode: loadErrorCodes[reason] ?? -2, errorDescription: reason, validatedURL: url })
    }
    this.app.notify()
  }

  /** A crashed page cannot be reused: Electron starts a new renderer process, here a new page. */
  private async freshPage(): Promise<Page> {
    if (this.page && !this.page.isClosed() && this.crashes === 0) return this.page
    if (this.pageReady && this.crashes === 0) return this.pageReady
    const previous = this.page
    this.crashes = 0
    this.pageReady = this.openPage()
    this.page = await this.pageReady
    await previous?.close().catch(() => undefined)
    return this.page
  }

  private async openPage(): Promise<Page> {
    const page = await (await this.context).newPage()
    await page.exposeBinding('__standInInvoke', ({ frame }, channel: string, args: unknown[]) =>
      this.app.request({ kind: 'invoke', windowId: this.windowId, channel, args, frameUrl: frame.url() }),
    )
    await page.exposeBinding('__standInPermission', async ({ frame }, permission: string) => {
      const { granted } = await this.app.request<{ granted: boolean }>({
        kind: 'permission',
        windowId: this.windowId,
        permission,
        requestingUrl: frame.url(),
      })
      return granted
    })
    await page.exposeBinding('__standInWindowOpen', async (_source, url: string) => {
      this.openRequests.push(url)
      const { action } = await this.app.request<{ action: string }>({ kind: 'window-open', windowId: this.windowId, url })
      if (action === 'allow') this.allowedOpens.push(url)
      this.app.notify()
    })
    if (this.options.preload) await page.addInitScript({ content: sandboxedPreloadScript(this.options.preload) })
    // Electron asks will-navigate for navigations the page starts, not for the app's own loadURL.
    await page.route('**/*', async (route, request) => {
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame() || request.url() === this.url) return route.continue()
      const { prevented } = await this.app.request<{ prevented: boolean }>({
        kind: 'will-navigate',
        windowId: this.windowId,
        url: request.url(),
      })
      if (!prevented) return route.continue()
      this.refusedNavigations.push(request.url())
      this.app.notify()
      // As a prevented will-navigate: the navigation is cancelled and the page stays (a blocked one would commit an error page).
      return route.abort('aborted')
    })
    page.on('crash', () => {
      this.crashes += 1
      this.hasLoaded = false
      this.pageEvent('render-process-gone', { reason: 'crashed' })
      this.app.notify()
    })
    return page
  }
}
