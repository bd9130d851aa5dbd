import { app } from 'electron'
import { join } from 'node:path'
import { appLogFileLimits, openRotatingLogFile, type RotatingLogFile } from '../../core/runtime/rotating-log-file'

/** Where the system keeps an app's logs (e.g. ~/Library/Logs/Case Monitor); rotation lives in the core. */
export function openAppLogFile(): RotatingLogFile {
  return openRotatingLogFile({ path: join(app.getPath('logs'), 'case-monitor.log'), ...appLogFileLimits })
}
