import type {
  Dialog,
  Menu as ElectronMenu,
  MenuItemConstructorOptions,
  NativeImage,
  Notification as ElectronNotification,
  NotificationConstructorOptions,
  Shell,
  Tray as ElectronTray,
} from 'electron'
import { EventEmitter } from 'node:events'
import { answer, onTestMessage, toTest } from './channel'
import type { MenuItemRecord, TrayCall } from './protocol'
import { preventableEvent } from './stand-in-app'
import { standInEnv } from './stand-in-env'
import { imagePath } from './stand-in-system'

interface StandInMenuItem {
  label: string
  type: string
  enabled: boolean
  checked: boolean
  click: MenuItemConstructorOptions['click'] | undefined
  submenu: StandInMenuItem[]
}

function itemFrom(template: MenuItemConstructorOptions): StandInMenuItem {
  const submenu = Array.isArray(template.submenu)
    ? template.submenu.map(itemFrom)
    : template.submenu instanceof StandInMenu
      ? template.submenu.items
      : []
  return {
    label: template.label ?? (template.role ? String(template.role) : ''),
    type: template.type ?? (submenu.length > 0 ? 'submenu' : 'normal'),
    enabled: template.enabled ?? true,
    checked: template.checked ?? false,
    click: template.click,
    submenu,
  }
}

function recordOf(item: StandInMenuItem): MenuItemRecord {
  return { label: item.label, type: item.type, enabled: item.enabled, checked: item.checked, submenu: item.submenu.map(recordOf) }
}

export class StandInMenu {
  constructor(readonly items: StandInMenuItem[]) {}

  static buildFromTemplate(template: Array<MenuItemConstructorOptions>): ElectronMenu {
    return new StandInMenu(template.map(itemFrom)) as unknown as ElectronMenu
  }

  static setApplicationMenu(menu: ElectronMenu | null): void {
    toTest({ kind: 'app-event', name: menu === null ? 'application-menu:none' : 'application-menu:set' })
  }
}

type UsedTray = Pick<ElectronTray, 'setToolTip' | 'setTitle' | 'setImage' | 'setContextMenu' | 'destroy' | 'isDestroyed'>

let liveTray: StandInTray | null = null

/** Records what the app shows in the tray; the test reads it and clicks items by their labels. */
export class StandInTray extends EventEmitter implements UsedTray {
  private tooltip = ''
  private title = ''
  private image: string
  private menu: StandInMenu | null = null
  private destroyed = false

  constructor(image: NativeImage | string) {
    super()
    this.image = imagePath(image)
    // The test clicks the app's tray, so the stand-in keeps the one the app created last.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    liveTray = this
    this.report('constructor')
  }

  setToolTip(toolTip: string): void {
    this.tooltip = toolTip
    this.report('setToolTip')
  }

  setTitle(title: string): void {
    this.title = title
    this.report('setTitle')
  }

  setImage(image: NativeImage | string): void {
    this.image = imagePath(image)
    this.report('setImage')
  }

  setContextMenu(menu: ElectronMenu | null): void {
    this.menu = menu as unknown as StandInMenu | null
    this.report('setContextMenu')
  }

  destroy(): void {
    this.destroyed = true
    liveTray = null
    this.report('destroy')
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  clickItem(path: string[]): boolean {
    let items = this.menu?.items ?? []
    let found: StandInMenuItem | undefined
    for (const label of path) {
      found = items.find((item) => item.label === label)
      items = found?.submenu ?? []
    }
    if (!found?.click || !found.enabled) return false
    // Electron flips a checkbox item before its click handler runs (MenuItem docs: "A checkbox menu item will toggle the checked property").
    if (found.type === 'checkbox') found.checked = !found.checked
    found.click(found as never, undefined, {
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      triggeredByAccelerator: false,
    })
    return true
  }

  private report(call: TrayCall): void {
    toTest({
      kind: 'tray',
      call,
      tooltip: this.tooltip,
      title: this.title,
      image: this.image,
      menu: (this.menu?.items ?? []).map(recordOf),
      isDestroyed: this.destroyed,
    })
  }
}

type UsedNotification = Pick<ElectronNotification, 'show' | 'close' | 'title' | 'body'>

let nextNotificationId = 1
// Held weakly, as Electron holds a shown notification: an app that drops it loses its click.
const shownNotifications = new Map<number, WeakRef<StandInNotification>>()
const collected = new FinalizationRegistry<number>((id) => {
  shownNotifications.delete(id)
  toTest({ kind: 'notification-collected', id })
})

export class StandInNotification extends EventEmitter implements UsedNotification {
  readonly id = nextNotificationId++
  title: string
  body: string
  private readonly silent: boolean

  constructor(options: NotificationConstructorOptions = {}) {
    super()
    this.title = options.title ?? ''
    this.body = options.body ?? ''
    this.silent = options.silent ?? false
  }

  static isSupported(): boolean {
    return standInEnv.notificationsSupported
  }

  show(): void {
    shownNotifications.set(this.id, new WeakRef(this))
    collected.register(this, this.id)
    toTest({ kind: 'notification-shown', notice: { id: this.id, title: this.title, body: this.body, silent: this.silent } })
    this.emit('show', preventableEvent())
  }

  close(): void {
    this.emit('close', preventableEvent())
  }
}

type UsedDialog = Pick<Dialog, 'showErrorBox' | 'showMessageBox'>

export const dialog: UsedDialog = {
  showErrorBox(title, content) {
    toTest({ kind: 'dialog', type: 'error-box', title, content })
  },
  showMessageBox(...args: unknown[]) {
    const options = (args.length > 1 ? args[1] : args[0]) as { title?: string; message?: string; detail?: string }
    toTest({
      kind: 'dialog',
      type: 'message-box',
      title: options.title ?? '',
      content: [options.message, options.detail].filter(Boolean).join('\n'),
    })
    return Promise.resolve({ response: 0, checkboxChecked: false })
  },
}

type UsedShell = Pick<Shell, 'openExternal'>

export const shell: UsedShell = {
  openExternal(url) {
    toTest({ kind: 'open-external', url })
    return Promise.resolve()
  },
}

export function wireDesktop(): void {
  onTestMessage((message) => {
    if (message.kind === 'tray-click') answer(message.requestId, () => ({ clicked: liveTray?.clickItem(message.path) ?? false }))
    if (message.kind === 'tray-icon-click') liveTray?.emit('click', preventableEvent(), {}, { x: 0, y: 0 })
    if (message.kind === 'notification-click') {
      answer(message.requestId, () => {
        const notification = shownNotifications.get(message.id)?.deref()
        notification?.emit('click', preventableEvent())
        return { delivered: notification !== undefined }
      })
    }
    if (message.kind === 'gc') {
      answer(message.requestId, async () => {
        const gc = (globalThis as { gc?: () => void }).gc
        if (!gc) throw new Error('the main process was started without --expose-gc')
        gc()
        // FinalizationRegistry callbacks run on a later task.
        await new Promise((resolve) => setTimeout(resolve, 50))
        gc()
        return { collected: true }
      })
    }
  })
}
