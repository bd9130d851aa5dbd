// Messages between the main process under test (a Node child running the built out/main/index.js with
// `electron` resolved to the stand-in) and the test process, which plays Chromium and the desktop.

export interface MenuItemRecord {
  label: string
  type: string
  enabled: boolean
  checked: boolean
  submenu: MenuItemRecord[]
}

export interface NoticeRecord {
  id: number
  title: string
  body: string
  silent: boolean
}

export type TrayCall = 'constructor' | 'setToolTip' | 'setTitle' | 'setImage' | 'setContextMenu' | 'destroy'

/** Sent by the main process (child) to the test process. */
export type FromMain =
  | {
      kind: 'window-created'
      windowId: number
      options: {
        show: boolean
        title: string
        preload: string
        sandbox: boolean
        contextIsolation: boolean
        nodeIntegration: boolean
        devTools: boolean
      }
    }
  | { kind: 'window-load'; windowId: number; url: string }
  | { kind: 'window-reload'; windowId: number }
  | { kind: 'window-state'; windowId: number; isVisible: boolean; isFocused: boolean; isMinimized: boolean; isDestroyed: boolean }
  | { kind: 'window-devtools'; windowId: number }
  | { kind: 'webcontents-send'; windowId: number; channel: string; payload: unknown }
  | {
      kind: 'tray'
      /** The Tray call that produced this record, so a test can count redraws. */
      call: TrayCall
      tooltip: string
      title: string
      image: string
      menu: MenuItemRecord[]
      isDestroyed: boolean
    }
  | { kind: 'notification-shown'; notice: NoticeRecord }
  | { kind: 'notification-collected'; id: number }
  | { kind: 'dialog'; type: 'error-box' | 'message-box'; title: string; content: string }
  | { kind: 'open-external'; url: string }
  | { kind: 'net-fetch'; url: string; method: string; cache: string | null }
  /** Any HTTP request the process starts (net.fetch and Node's fetch alike), with the headers it carries. */
  | { kind: 'http-request'; origin: string; method: string; path: string; headers: string[] }
  | { kind: 'second-instance-sent' }
  | { kind: 'app-event'; name: string }
  | { kind: 'reply'; requestId: number; value: unknown }
  | { kind: 'unmodelled'; name: string }

/** Sent by the test process to the main process (child); the requests expect a `reply`. */
export type ToMain =
  | { kind: 'invoke'; requestId: number; windowId: number; channel: string; args: unknown[]; frameUrl: string }
  | { kind: 'will-navigate'; requestId: number; windowId: number; url: string }
  | { kind: 'window-open'; requestId: number; windowId: number; url: string }
  | { kind: 'permission'; requestId: number; windowId: number; permission: string; requestingUrl: string }
  | {
      kind: 'page-event'
      windowId: number
      name: 'did-finish-load' | 'ready-to-show' | 'did-fail-load' | 'render-process-gone' | 'unresponsive' | 'responsive'
      details?: Record<string, unknown>
    }
  | { kind: 'window-user'; windowId: number; action: 'close' | 'minimize' | 'restore' | 'focus' | 'blur' }
  | { kind: 'tray-click'; requestId: number; path: string[] }
  | { kind: 'tray-icon-click' }
  | { kind: 'notification-click'; requestId: number; id: number }
  | { kind: 'power'; name: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' }
  | { kind: 'online'; isOnline: boolean }
  | { kind: 'gc'; requestId: number }
  | { kind: 'quit' }
