import type { App, LoginItemSettings, Settings } from 'electron'
import { EventEmitter } from 'node:events'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { exitAfterFlush, toTest } from './channel'
import { standInEnv } from './stand-in-env'

type PathName = Parameters<App['getPath']>[0]
type UsedApp = Pick<
  App,
  | 'whenReady'
  | 'isReady'
  | 'getPath'
  | 'setPath'
  | 'getAppPath'
  | 'getName'
  | 'getVersion'
  | 'requestSingleInstanceLock'
  | 'hasSingleInstanceLock'
  | 'releaseSingleInstanceLock'
  | 'setAppUserModelId'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings'
  | 'quit'
  | 'exit'
  | 'focus'
  | 'isPackaged'
>

export interface PreventableEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

export function preventableEvent(): PreventableEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

/** Closes every window when quitting; false when one of them refused (its `close` was prevented). */
export type WindowCloser = () => boolean

/**
 * Electron's `app`: ready after start-up, paths under a profile folder, a single-instance lock shared
 * by processes through a lock file and a local socket (as Electron does in userData), and quit's
 * event order: before-quit → windows close → will-quit → quit → exit 0.
 */
export class StandInApp extends EventEmitter implements UsedApp {
  readonly isPackaged = standInEnv.isPackaged
  private ready = false
  private readyPromise: Promise<void>
  private paths = new Map<string, string>()
  private lock: { path: string; server: Server } | null = null
  private pendingHandoff: Promise<void> = Promise.resolve()
  private isQuitting = false
  private loginItem: LoginItemSettings = {
    openAtLogin: false,
    wasOpenedAtLogin: false,
    status: 'not-registered',
    executableWillLaunchAtLogin: false,
    launchItems: [],
  }
  appUserModelId: string | null = null
  closeAllWindows: WindowCloser = () => true

  constructor() {
    super()
    const home = standInEnv.home
    this.paths.set('home', home)
    this.paths.set('appData', join(home, '.config'))
    this.paths.set('userData', join(home, '.config', 'Case Monitor'))
    this.paths.set('temp', join(home, 'tmp'))
    this.readyPromise = new Promise((resolve) => {
      setTimeout(() => {
        this.ready = true
        this.emit('ready', preventableEvent(), {})
        resolve()
      }, standInEnv.readyDelayMs)
    })
  }

  whenReady(): Promise<void> {
    return this.readyPromise
  }

  isReady(): boolean {
    return this.ready
  }

  getPath(name: PathName): string {
    // Electron on Linux keeps logs under userData/logs.
    if (name === 'logs') return this.paths.get('logs') ?? join(this.getPath('userData'), 'logs')
    const path = this.paths.get(name)
    if (!path) throw new Error(`The Electron stand-in has no path named ${name}`)
    return path
  }

  setPath(name: PathName, path: string): void {
    this.paths.set(name, path)
  }

  /** The folder of the app's package.json: in a development run, the repository. */
  getAppPath(): string {
    return standInEnv.appPath
  }

  getName(): string {
    return 'Case Monitor'
  }

  getVersion(): string {
    return '0.1.0'
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id
    toTest({ kind: 'app-event', name: `app-user-model-id:${id}` })
  }

  setLoginItemSettings(settings: Settings): void {
    this.loginItem = {
      ...this.loginItem,
      openAtLogin: settings.openAtLogin ?? false,
      status: settings.openAtLogin ? 'enabled' : 'not-registered',
    }
    toTest({ kind: 'app-event', name: `login-item:${this.loginItem.openAtLogin}` })
  }

  getLoginItemSettings(): LoginItemSettings {
    return { ...this.loginItem }
  }

  focus(): void {
    toTest({ kind: 'app-event', name: 'app-focus' })
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const directory = this.getPath('userData')
    mkdirSync(directory, { recursive: true })
    const lockPath = join(directory, 'SingletonLock')
    const socketPath =
      process.platform === 'win32'
        ? `\\\\.\\pipe\\case-monitor-${Buffer.from(directory).toString('hex').slice(-40)}`
        : join(directory, 'SingletonSocket')
    if (!this.takeLockFile(lockPath)) {
      this.pendingHandoff = handOver(socketPath, {
        argv: process.argv,
        workingDirectory: process.cwd(),
        additionalData: additionalData ?? null,
      })
      return false
    }
    rmSync(socketPath, { force: true })
    const server = createServer((socket) => {
      let text = ''
      socket.on('data', (chunk) => (text += chunk.toString('utf8')))
      socket.on('end', () => {
        const message = JSON.parse(text) as { argv: string[]; workingDirectory: string; additionalData: unknown }
        // Electron emits the event whether or not anyone listens yet: an app that listens late loses it.
        toTest({ kind: 'app-event', name: this.listenerCount('second-instance') > 0 ? 'second-instance:heard' : 'second-instance:unheard' })
        this.emit('second-instance', preventableEvent(), message.argv, message.workingDirectory, message.additionalData)
      })
    })
    server.listen(socketPath)
    server.unref()
    this.lock = { path: lockPath, server }
    return true
  }

  hasSingleInstanceLock(): boolean {
    return this.lock !== null
  }

  releaseSingleInstanceLock(): void {
    if (!this.lock) return
    this.lock.server.close()
    rmSync(this.lock.path, { force: true })
    this.lock = null
  }

  quit(): void {
    if (this.isQuitting) return
    const beforeQuit = preventableEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    this.isQuitting = true
    if (!this.closeAllWindows()) {
      this.isQuitting = false
      return
    }
    const willQuit = preventableEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) {
      this.isQuitting = false
      return
    }
    this.emit('quit', preventableEvent(), 0)
    this.finish(0)
  }

  exit(exitCode = 0): void {
    this.finish(exitCode)
  }

  get quitting(): boolean {
    return this.isQuitting
  }

  private finish(code: number): void {
    void this.pendingHandoff.finally(() => {
      this.releaseSingleInstanceLock()
      exitAfterFlush(code)
    })
  }

  private takeLockFile(lockPath: string): boolean {
    try {
      const descriptor = openSync(lockPath, 'wx')
      writeSync(descriptor, String(process.pid))
      closeSync(descriptor)
      return true
    } catch {
      const holder = Number(readFileSync(lockPath, 'utf8'))
      if (isAlive(holder)) return false
      rmSync(lockPath, { force: true })
      return this.takeLockFile(lockPath)
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function handOver(socketPath: string, message: object): Promise<void> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath, () => {
      socket.end(JSON.stringify(message), () => {
        toTest({ kind: 'second-instance-sent' })
        resolve()
      })
    })
    socket.on('error', () => resolve())
  })
}
