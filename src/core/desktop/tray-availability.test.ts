import { describe, expect, it } from 'vitest'
import { hasSystemTray } from './tray-availability'

describe('hasSystemTray', () => {
  it('is always true on macOS and Windows, whatever the session bus says', () => {
    expect(hasSystemTray({ platform: 'darwin', currentDesktop: undefined, statusNotifierWatcher: 'unknown' })).toBe(true)
    expect(hasSystemTray({ platform: 'win32', currentDesktop: 'GNOME', statusNotifierWatcher: 'absent' })).toBe(true)
  })

  it('on Linux trusts the session bus: a StatusNotifierWatcher means a tray, none means none (stock GNOME)', () => {
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'GNOME', statusNotifierWatcher: 'present' })).toBe(true)
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'GNOME', statusNotifierWatcher: 'absent' })).toBe(false)
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'KDE', statusNotifierWatcher: 'absent' })).toBe(false)
  })

  it('without a watcher still counts the desktops whose panels host the older XEmbed tray icons', () => {
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'XFCE', statusNotifierWatcher: 'absent' })).toBe(true)
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'X-Cinnamon', statusNotifierWatcher: 'absent' })).toBe(true)
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'MATE', statusNotifierWatcher: 'absent' })).toBe(true)
  })

  it('when the bus cannot be asked, falls back on the desktop: plain GNOME has none, Ubuntu’s GNOME and others have one', () => {
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'GNOME', statusNotifierWatcher: 'unknown' })).toBe(false)
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'GNOME-Classic:GNOME', statusNotifierWatcher: 'unknown' })).toBe(false)
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'ubuntu:GNOME', statusNotifierWatcher: 'unknown' })).toBe(true)
    expect(hasSystemTray({ platform: 'linux', currentDesktop: 'KDE', statusNotifierWatcher: 'unknown' })).toBe(true)
    expect(hasSystemTray({ platform: 'linux', currentDesktop: undefined, statusNotifierWatcher: 'unknown' })).toBe(true)
  })
})
