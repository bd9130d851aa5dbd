import { Menu, Notification, Tray, nativeImage, type BrowserWindow, type MenuItemConstructorOptions, type NativeImage } from 'electron'
import { join } from 'node:path'
import type { TrayModel } from '../../core/app/case-monitor-app'
import { trayIconFile, trayTitle } from '../../core/app/tray-appearance'
import type { CompletionNotice } from '../../core/app/completion-notices'

export interface TrayActions {
  showWindow(): void
  openCase(caseId: string): void
  togglePause(): void
  toggleDoNotDisturb(): Promise<void>
  quit(): void
}

function menuTemplate(model: TrayModel, actions: TrayActions): MenuItemConstructorOptions[] {
  return model.menu.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' }
      case 'heading':
        return { label: item.label, enabled: false }
      case 'case':
        return { label: item.label, click: () => actions.openCase(item.caseId) }
      case 'command':
        return { label: item.label, click: () => void actions[item.command]() }
      case 'toggle':
        return { label: item.label, type: 'checkbox', checked: item.isChecked, click: () => void actions[item.command]() }
    }
  })
}

/** Turns the core's tray model into Tray calls, each only when what it shows changed (a redraw per batch flickers on Linux). */
export function createAppTray(options: { iconsDir: string; model: TrayModel; actions: TrayActions }): {
  update(model: TrayModel): void
  destroy(): void
} {
  const icons = new Map<string, NativeImage>()
  const iconFor = (file: string): NativeImage => {
    let icon = icons.get(file)
    if (!icon) {
      icon = nativeImage.createFromPath(join(options.iconsDir, file))
      icons.set(file, icon)
    }
    return icon
  }
  const firstIcon = trayIconFile(options.model, process.platform)
  const tray = new Tray(iconFor(firstIcon))
  tray.on('click', options.actions.showWindow)
  let shown: { icon: string; tooltip: string | null; title: string | null; menu: string | null } = {
    icon: firstIcon,
    tooltip: null,
    title: null,
    menu: null,
  }
  const update = (model: TrayModel): void => {
    const menu = JSON.stringify(model.menu)
    const title = trayTitle(model.title, process.platform)
    const icon = trayIconFile(model, process.platform)
    if (icon !== shown.icon) tray.setImage(iconFor(icon))
    if (model.tooltip !== shown.tooltip) tray.setToolTip(model.tooltip)
    if (title !== null && title !== shown.title) tray.setTitle(title)
    if (menu !== shown.menu) tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(model, options.actions)))
    shown = { icon, tooltip: model.tooltip, title, menu }
  }
  update(options.model)
  return { update, destroy: () => tray.destroy() }
}

// Electron drops a notification nobody references, and its click with it (electron/electron#12690):
// each one is held here until it is clicked, closed or fails.
const shownNotices = new Set<Notification>()

/** True when the notification was handed to the system; false leaves the completion pending for the next start. */
export function showCompletionNotice(
  notice: CompletionNotice,
  options: { icon: NativeImage; onClick(notice: CompletionNotice): void },
): boolean {
  if (!Notification.isSupported()) return false
  const notification = new Notification({ title: notice.title, body: notice.body, icon: options.icon })
  const release = (): void => void shownNotices.delete(notification)
  notification.on('click', () => {
    release()
    options.onClick(notice)
  })
  notification.on('close', release)
  notification.on('failed', release)
  shownNotices.add(notification)
  notification.show()
  return true
}

export function revealWindow(window: BrowserWindow | null): void {
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
