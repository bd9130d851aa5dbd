import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'

export const hiddenLaunchFlag = '--hidden'
const entryFileName = 'ai.veridox.case-monitor.desktop'

export interface RunningExecutable {
  execPath: string
  /** $APPIMAGE: set by the AppImage runtime to the image file, while execPath points into a temporary mount. */
  appImage: string | undefined
  appPath: string
  isPackaged: boolean
}

/** What the login session runs: the AppImage, the installed executable, or (development) Electron with the app folder. */
export function autostartCommand({ execPath, appImage, appPath, isPackaged }: RunningExecutable): string[] {
  if (appImage) return [appImage, hiddenLaunchFlag]
  return isPackaged ? [execPath, hiddenLaunchFlag] : [execPath, appPath, hiddenLaunchFlag]
}

// Desktop Entry spec, "The Exec key": reserved characters need quoting; inside quotes " ` $ \ are escaped;
// the string-value escape then doubles every backslash; a literal % is written %%.
const plainArgument = /^[A-Za-z0-9_\-./+=:,@]+$/
function execArgument(argument: string): string {
  if (/[\n\r\t]/.test(argument)) throw new Error('A start-at-login command cannot contain a line break or tab.')
  const quoted = plainArgument.test(argument) ? argument : `"${argument.replace(/["`$\\]/g, '\\$&')}"`
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')
}

export function autostartEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Case Monitor',
    'Comment=Watches your Veridox cases from the tray',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** XDG Base Directory: $XDG_CONFIG_HOME when absolute, else ~/.config. */
export function autostartEntryPath(env: { XDG_CONFIG_HOME?: string }, home: string): string {
  const configHome = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config')
  return join(configHome, 'autostart', entryFileName)
}

export interface LoginItem {
  /** Throws when the system refuses; the caller keeps the setting as it was. */
  setEnabled(isEnabled: boolean): void
}

/** Electron has no login items on Linux: the desktop's autostart folder is where a session looks. */
export function createXdgAutostart(options: { filePath: string; command: string[] }): LoginItem {
  return {
    setEnabled(isEnabled) {
      if (!isEnabled) return rmSync(options.filePath, { force: true })
      mkdirSync(dirname(options.filePath), { recursive: true })
      const partial = `${options.filePath}.partial`
      writeFileSync(partial, autostartEntry(options.command), { mode: 0o644 })
      renameSync(partial, options.filePath)
    },
  }
}
