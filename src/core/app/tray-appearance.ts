import type { TrayModel } from './tray-model'

/** The counts drawn into the analysing glyph (resources/tray/analysing-<badge>): more than nine read as 9+. */
export const trayCountBadges = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9plus'] as const

// macOS recolours "Template" images for light and dark menu bars (Electron picks the file's @2x beside it)
// and shows the count as the title; Windows wants an .ico with every size it may scale to; Linux trays take
// PNGs. Neither of those has a title, so the count is drawn into the glyph.
export function trayIconFile(model: Pick<TrayModel, 'state' | 'count'>, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `${model.state}Template.png`
  const badge = model.state === 'analysing' && model.count > 0 ? `-${model.count > 9 ? '9plus' : model.count}` : ''
  return `${model.state}${badge}.${platform === 'win32' ? 'ico' : 'png'}`
}

/** Tray titles exist only in the macOS menu bar (Tray.setTitle). */
export function trayTitle(title: string, platform: NodeJS.Platform): string | null {
  return platform === 'darwin' ? title : null
}
