import type { Browser, BrowserContext } from '@playwright/test'
import { fork, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import type { FromMain, NoticeRecord, ToMain } from '../stand-in/protocol'
import type { KeychainMode } from '../stand-in/stand-in-env'
import { DesktopWindow } from './desktop-window'

export const repoRoot = resolve(__dirname, '../../..')
export const standInLauncher = resolve(repoRoot, '.test-output/stand-in/launch.cjs')
export const mainBundle = resolve(repoRoot, 'out/main/index.js')

export interface LaunchOptions {
  /** The machine's home folder: launches with the same home share a profile, a keychain and a lock. */
  home: string
  keychain?: KeychainMode
  isPackaged?: boolean
  readyDelayMs?: number
  notificationsSupported?: boolean
  isOnline?: boolean
  connectionsPerHost?: number
  proxy?: string
  env?: Record<string, string>
  /** What runs the main process, this Node by default: a wrapper can set up the machine first (e.g. its network). */
  execPath?: string
  /** Command-line arguments after the app, as a login session passes `--hidden`. */
  args?: string[]
  /**
   * The desktop session as the app sees it: XDG_CURRENT_DESKTOP and the session bus it asks for a tray.
   * By default no desktop is named and no bus answers, which the app takes as a desktop with a tray.
   */
  session?: { currentDesktop?: string; busAddress?: string }
}

export type TrayRecord = Omit<Extract<FromMain, { kind: 'tray' }>, 'kind'>

type Request = ToMain extends infer M ? (M extends { requestId: number } ? Omit<M, 'requestId'> : never) : never

/**
 * One launch of the built main process under the stand-in: a Node child (so exit codes, a second
 * instance and garbage collection are real) whose windows are pages in this process's Chromium.
 */
export class DesktopApp {
  readonly messages: FromMain[] = []
  readonly output: string[] = []
  readonly exited: Promise<number | null>
  exitCode: number | null | undefined = undefined
  private readonly child: ChildProcess
  private readonly windows = new Map<number, DesktopWindow>()
  private readonly replies = new Map<number, (value: unknown) => void>()
  private nextRequestId = 1
  private context: Promise<BrowserContext> | null = null
  private changed: Array<() => void> = []

  constructor(
    private readonly browser: Browser,
    readonly options: LaunchOptions,
  ) {
    const env: Record<string, string | undefined> = {
      ...process.env,
      ELECTRON_RENDERER_URL: undefined,
      CASE_MONITOR_USER_DATA: undefined,
      STAND_IN_HOME: options.home,
      STAND_IN_PACKAGED: options.isPackaged ? '1' : '0',
      STAND_IN_READY_DELAY_MS: String(options.readyDelayMs ?? 0),
      STAND_IN_KEYCHAIN: options.keychain ?? 'available',
      STAND_IN_NOTIFICATIONS: options.notificationsSupported === false ? 'unsupported' : 'supported',
      STAND_IN_ONLINE: options.isOnline === false ? '0' : '1',
      STAND_IN_CONNECTIONS_PER_HOST: String(options.connectionsPerHost ?? 6),
      STAND_IN_PROXY: options.proxy ?? 'DIRECT',
      // Pinned so a test never reads, or writes autostart entries into, the desktop it runs on.
      XDG_CONFIG_HOME: join(options.home, '.config'),
      XDG_CURRENT_DESKTOP: options.session?.currentDesktop,
      DBUS_SESSION_BUS_ADDRESS: options.session?.busAddress ?? `unix:path=${join(options.home, 'no-session-bus')}`,
      APPIMAGE: undefined,
      ...options.env,
    }
    this.child = fork(standInLauncher, [mainBundle, ...(options.args ?? [])], {
      cwd: repoRoot,
      execArgv: ['--expose-gc'],
      execPath: options.execPath,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    })
    this.child.stdout?.on('data', (chunk: Buffer) => this.output.push(...chunk.toString('utf8').trimEnd().split('\n')))
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.push(...chunk.toString('utf8').trimEnd().split('\n')))
    this.child.on('message', (message: FromMain) => this.receive(message))
    this.exited = new Promise((resolveExit) =>
      this.child.on('exit', (code) => {
        this.exitCode = code
        this.notify()
        resolveExit(code)
      }),
    )
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  send(message: ToMain): void {
    if (this.child.connected) this.child.send(message)
  }

  request<T>(message: Request): Promise<T> {
    const requestId = this.nextRequestId++
    return new Promise<T>((resolveReply, rejectReply) => {
      if (!this.child.connected) return rejectReply(new Error('the main process has exited'))
      this.replies.set(requestId, (value) => {
        const failure = (value as { error?: string } | null)?.error
        if (typeof failure === 'string') rejectReply(new Error(failure))
        else resolveReply(value as T)
      })
      this.child.send({ ...message, requestId } as ToMain)
    })
  }

  /** Waits until `find` returns something, re-checking whenever the main process reports anything. */
  async until<T>(what: string, find: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = find()
      if (found !== undefined && found !== null && found !== false) return found
      if (Date.now() > deadline)
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\nMain process output:\n${this.output.slice(-30).join('\n')}`)
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, 100)
        this.changed.push(() => {
          clearTimeout(timer)
          wake()
        })
      })
    }
  }

  of<K extends FromMain['kind']>(kind: K): Array<Extract<FromMain, { kind: K }>> {
    return this.messages.filter((message): message is Extract<FromMain, { kind: K }> => message.kind === kind)
  }

  tray(): TrayRecord | null {
    return this.of('tray').at(-1) ?? null
  }

  notifications(): NoticeRecord[] {
    return this.of('notification-shown').map((message) => message.notice)
  }

  appEvents(): string[] {
    return this.of('app-event').map((message) => message.name)
  }

  /** The first window, once its page has loaded. */
  mainWindow(): Promise<DesktopWindow> {
    return this.until('the main window to load', () => [...this.windows.values()].find((window) => window.hasLoaded))
  }

  anyWindow(): DesktopWindow | undefined {
    return [...this.windows.values()][0]
  }

  async clickTray(...path: string[]): Promise<boolean> {
    return (await this.request<{ clicked: boolean }>({ kind: 'tray-click', path })).clicked
  }

  async clickNotification(id: number): Promise<boolean> {
    return (await this.request<{ delivered: boolean }>({ kind: 'notification-click', id })).delivered
  }

  async collectGarbage(): Promise<void> {
    await this.request({ kind: 'gc' })
  }

  power(name: 'suspend' | 'resume'): void {
    this.send({ kind: 'power', name })
  }

  setOnline(isOnline: boolean): void {
    this.send({ kind: 'online', isOnline })
  }

  quitFromMenu(): void {
    this.send({ kind: 'quit' })
  }

  async waitForExit(timeoutMs = 15_000): Promise<number | null> {
    await this.until('the main process to exit', () => this.exitCode !== undefined, timeoutMs)
    return this.exitCode ?? null
  }

  async kill(): Promise<void> {
    if (this.exitCode === undefined) this.child.kill('SIGKILL')
    await this.exited
    const context = await this.context?.catch(() => null)
    await context?.close().catch(() => undefined)
  }

  private browserContext(): Promise<BrowserContext> {
    // The real Chromium may clipboard; whether the page may is the app's permission handlers' call.
    this.context ??= this.browser.newContext({
      viewport: { width: 1240, height: 820 },
      permissions: ['clipboard-read', 'clipboard-write'],
      colorScheme: this.colorScheme(),
    })
    return this.context
  }

  /** prefers-color-scheme as Electron derives it from nativeTheme.themeSource; the stand-in's desktop is light. */
  private colorScheme(): 'light' | 'dark' {
    return this.appEvents().findLast((name) => name.startsWith('native-theme:')) === 'native-theme:dark' ? 'dark' : 'light'
  }

  private receive(message: FromMain): void {
    this.messages.push(message)
    if (message.kind === 'reply') {
      this.replies.get(message.requestId)?.(message.value)
      this.replies.delete(message.requestId)
    } else if (message.kind === 'window-created') {
      this.windows.set(message.windowId, new DesktopWindow(this, message.windowId, message.options, this.browserContext()))
    } else if ('windowId' in message) {
      this.windows.get(message.windowId)?.receive(message)
    } else if (message.kind === 'app-event' && message.name.startsWith('native-theme:')) {
      for (const window of this.windows.values()) void window.page?.emulateMedia({ colorScheme: this.colorScheme() }).catch(() => undefined)
    }
    this.notify()
  }

  notify(): void {
    const waiting = this.changed
    this.changed = []
    for (const wake of waiting) wake()
  }
}
