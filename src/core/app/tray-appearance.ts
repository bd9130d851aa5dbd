import type { TrayState } from './tray-model'

// macOS recolours "Template" images for light and dark menu bars (Electron picks the file's @2x beside it);
// Windows wants an .ico with every size it may scale to; Linux trays take PNGs.
export function trayIconFile(state: TrayState, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `${state}Template.png`
  if (platform === 'win32') return `${state}.ico`
  return `${state}.png`
}

/** Tray titles exist only in the macOS menu bar (Tray.setTitle). */
export function trayTitle(title: string, platform: NodeJS.Platform): string | null {
  return platform === 'darwin' ? title : null
}
