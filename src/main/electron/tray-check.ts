import { execFile } from 'node:child_process'
import { hasSystemTray, type StatusNotifierAnswer } from '../../core/desktop/tray-availability'
import type { Log } from '../../core/runtime/log'

const answerWithinMs = 1_500

// Chromium itself asks the bus the same question (NameHasOwner) before it shows a StatusNotifierItem.
function askSessionBus(): Promise<StatusNotifierAnswer> {
  const args = [
    'call',
    '--session',
    '--dest',
    'org.freedesktop.DBus',
    '--object-path',
    '/org/freedesktop/DBus',
    '--method',
    'org.freedesktop.DBus.NameHasOwner',
    'org.kde.StatusNotifierWatcher',
  ]
  return new Promise((resolve) => {
    execFile('gdbus', args, { timeout: answerWithinMs, windowsHide: true }, (error, stdout) => {
      if (error) return resolve('unknown')
      const answer = stdout.trim()
      resolve(answer === '(true,)' ? 'present' : answer === '(false,)' ? 'absent' : 'unknown')
    })
  })
}

/** Whether this desktop will show the tray icon: decided once at start from the platform, the desktop and its session bus. */
export async function detectSystemTray(log: Log): Promise<boolean> {
  const statusNotifierWatcher = process.platform === 'linux' ? await askSessionBus() : 'unknown'
  const currentDesktop = process.env.XDG_CURRENT_DESKTOP?.slice(0, 200)
  const hasTray = hasSystemTray({ platform: process.platform, currentDesktop, statusNotifierWatcher })
  log('info', 'Tray availability', { hasTray, statusNotifierWatcher, currentDesktop: currentDesktop ?? 'unset' })
  return hasTray
}
