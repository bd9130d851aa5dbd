export type StatusNotifierAnswer = 'present' | 'absent' | 'unknown'

export interface TrayEvidence {
  platform: NodeJS.Platform
  /** XDG_CURRENT_DESKTOP: a colon-separated list such as "ubuntu:GNOME". */
  currentDesktop: string | undefined
  /** Whether org.kde.StatusNotifierWatcher has an owner on the session bus; `unknown` when the bus could not be asked. */
  statusNotifierWatcher: StatusNotifierAnswer
}

// Without a watcher Chromium falls back to a GTK (XEmbed) status icon, which these desktops' panels still host.
const xembedTrayDesktops = new Set(['xfce', 'mate', 'x-cinnamon', 'cinnamon', 'lxde'])
// Ubuntu ships GNOME with the AppIndicator extension enabled, which provides the watcher.
const desktopsWithIndicators = new Set(['ubuntu', 'unity', 'kde', 'budgie', 'pantheon'])

const desktopsOf = (currentDesktop: string | undefined): string[] =>
  (currentDesktop ?? '')
    .toLowerCase()
    .split(':')
    .filter((name) => name !== '')

/**
 * Whether a Tray icon will be seen. Electron's Linux tray is a StatusNotifierItem: it appears only
 * where a StatusNotifierWatcher runs on the session bus, which stock GNOME lacks. macOS and Windows
 * always have a menu bar or a notification area.
 */
export function hasSystemTray({ platform, currentDesktop, statusNotifierWatcher }: TrayEvidence): boolean {
  if (platform !== 'linux') return true
  const desktops = desktopsOf(currentDesktop)
  if (statusNotifierWatcher === 'present') return true
  if (desktops.some((name) => xembedTrayDesktops.has(name))) return true
  if (statusNotifierWatcher === 'absent') return false
  if (desktops.some((name) => desktopsWithIndicators.has(name))) return true
  return !desktops.includes('gnome')
}
