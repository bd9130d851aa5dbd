import { app } from 'electron'
import {
  autostartCommand,
  autostartEntryPath,
  createXdgAutostart,
  hiddenLaunchFlag,
  type LoginItem,
} from '../../core/desktop/autostart-entry'

/** Electron's login items on macOS and Windows; an XDG autostart entry on Linux, where Electron has none. */
export function createLoginItem(): LoginItem {
  if (process.platform === 'linux') {
    return createXdgAutostart({
      filePath: autostartEntryPath(process.env, app.getPath('home')),
      command: autostartCommand({
        execPath: process.execPath,
        appImage: process.env.APPIMAGE,
        appPath: app.getAppPath(),
        isPackaged: app.isPackaged,
      }),
    })
  }
  return {
    // `args` reaches Windows only; macOS says a login launch through wasOpenedAtLogin (openAsHidden does nothing from macOS 13).
    setEnabled: (openAtLogin) => app.setLoginItemSettings({ openAtLogin, args: [hiddenLaunchFlag] }),
  }
}

export function wasOpenedAtLogin(): boolean {
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin
}
