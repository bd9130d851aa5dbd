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

/** True when the notification was handed to the system; false leaves the completion pending for the next start. */
export function showCompletionNotice(
  notice: CompletionNotice,
  options: { icon: NativeImage; onClick(caseId: string | null): void },
): boolean {
  if (!Notification.isSupported()) return false
  const notification = new Notification({ title: notice.title, body: notice.body, icon: options.icon })
  notification.on('click', () => options.onClick(notice.caseId))
  notification.show()
  return true
}

export function revealWindow(window: BrowserWindow | null): void {
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
