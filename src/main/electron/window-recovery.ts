import { dialog, type BrowserWindow } from 'electron'
import type { Log } from '../../core/runtime/log'

const neverReadyMs = 15_000
const reloadBudget = { count: 3, withinMs: 60_000 }
// Chromium's ERR_ABORTED: a load replaced by another one, not a failure.
const loadAborted = -3

/**
 * A window that failed to load, or whose page crashed, must not leave the analyst with only a tray
 * icon: a crashed page is reloaded (the watch list lives in main, so nothing is lost), a page that
 * cannot load or keeps crashing is shown with the reason.
 */
export function recoverWindowFailures(window: BrowserWindow, log: Log): void {
  const contents = window.webContents
  const reloads: number[] = []
  const tellAnalyst = (problem: string): void => {
    if (!window.isDestroyed()) window.show()
    dialog.showErrorBox(
      'Case Monitor cannot show its window',
      `${problem}\n\nCase Monitor keeps watching your cases from the tray. The log file has the details.`,
    )
  }

  const neverReady = setTimeout(() => {
    log('error', 'The window did not become ready', { waitedMs: neverReadyMs })
    tellAnalyst('The window did not finish loading.')
  }, neverReadyMs)
  window.once('ready-to-show', () => clearTimeout(neverReady))
  window.once('closed', () => clearTimeout(neverReady))

  contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === loadAborted) return
    clearTimeout(neverReady)
    log('error', 'The window could not load', { errorCode, errorDescription: errorDescription.slice(0, 120) })
    tellAnalyst(`The window could not load (${errorDescription.slice(0, 120)}).`)
  })

  contents.on('render-process-gone', (_event, details) => {
    log('error', 'The window’s page stopped', { reason: details.reason, exitCode: details.exitCode })
    if (details.reason === 'clean-exit' || window.isDestroyed()) return
    const now = Date.now()
    while (reloads.length > 0 && now - (reloads[0] ?? now) > reloadBudget.withinMs) reloads.shift()
    if (reloads.length >= reloadBudget.count) {
      tellAnalyst('The window’s page keeps stopping; it was not reloaded again.')
      return
    }
    reloads.push(now)
    contents.reload()
  })

  contents.on('unresponsive', () => log('warn', 'The window stopped responding'))
  contents.on('responsive', () => log('info', 'The window responds again'))
}
