import { Menu, Notification, Tray, type BrowserWindow, type NativeImage } from 'electron'
import type { CaseSummary } from '../../core/app/case-monitor-app'
import type { CompletionNotice } from '../../core/app/completion-notices'

export function summaryText(summary: CaseSummary): string {
  const parts = [`${summary.inProgress} in progress`, `${summary.completed} completed`]
  if (summary.needsAttention > 0) parts.push(`${summary.needsAttention} need attention`)
  return `Case Monitor — ${parts.join(', ')}`
}

export function createAppTray(options: { icon: NativeImage; showWindow(): void; quit(): void }): {
  update(summary: CaseSummary): void
  destroy(): void
} {
  const tray = new Tray(options.icon)
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Case Monitor', click: options.showWindow },
      { type: 'separator' },
      { label: 'Quit', click: options.quit },
    ]),
  )
  tray.on('click', options.showWindow)
  return {
    update(summary) {
      tray.setToolTip(summaryText(summary))
    },
    destroy: () => tray.destroy(),
  }
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
