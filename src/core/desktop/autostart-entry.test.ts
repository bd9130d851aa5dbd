import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { autostartCommand, autostartEntry, autostartEntryPath, createXdgAutostart } from './autostart-entry'

const execLine = (text: string): string | undefined => text.split('\n').find((line) => line.startsWith('Exec='))

describe('autostartCommand', () => {
  it('starts the AppImage itself, not the temporary mount it runs from', () => {
    expect(
      autostartCommand({
        execPath: '/tmp/.mount_CaseMoXyz/case-monitor',
        appImage: '/home/ana/Apps/Case-Monitor.AppImage',
        appPath: '/x',
        isPackaged: true,
      }),
    ).toEqual(['/home/ana/Apps/Case-Monitor.AppImage', '--hidden'])
  })

  it('starts an installed build by its executable, and a development run with its app folder', () => {
    expect(autostartCommand({ execPath: '/opt/Case Monitor/case-monitor', appImage: undefined, appPath: '/x', isPackaged: true })).toEqual([
      '/opt/Case Monitor/case-monitor',
      '--hidden',
    ])
    expect(
      autostartCommand({ execPath: '/repo/node_modules/electron/dist/electron', appImage: '', appPath: '/repo', isPackaged: false }),
    ).toEqual(['/repo/node_modules/electron/dist/electron', '/repo', '--hidden'])
  })
})

describe('autostartEntry', () => {
  it('is a desktop entry that starts Case Monitor hidden, quoting per the Desktop Entry spec', () => {
    const text = autostartEntry(['/opt/Case Monitor/case-monitor', '--hidden'])
    expect(text.startsWith('[Desktop Entry]\n')).toBe(true)
    expect(text).toContain('\nType=Application\n')
    expect(text).toContain('\nName=Case Monitor\n')
    expect(execLine(text)).toBe('Exec="/opt/Case Monitor/case-monitor" --hidden')
    expect(text.endsWith('\n')).toBe(true)
  })

  it('escapes what a shell-like reader would otherwise expand, and field codes', () => {
    const text = autostartEntry(['/home/a$b/100%/x"y\\z/app', '--hidden'])
    // Inside quotes $ " \ are backslash-escaped; the string rule then doubles every backslash; % becomes %%.
    expect(execLine(text)).toBe('Exec="/home/a\\\\$b/100%%/x\\\\"y\\\\\\\\z/app" --hidden')
  })

  it('refuses a path it cannot write on one line', () => {
    expect(() => autostartEntry(['/home/a\nb/app', '--hidden'])).toThrow()
  })
})

describe('autostartEntryPath', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartEntryPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/autostart/ai.veridox.case-monitor.desktop')
    expect(autostartEntryPath({}, '/home/ana')).toBe('/home/ana/.config/autostart/ai.veridox.case-monitor.desktop')
    // The spec ignores a relative XDG_CONFIG_HOME.
    expect(autostartEntryPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/ana')).toBe('/home/ana/.config/autostart/ai.veridox.case-monitor.desktop')
  })
})

describe('createXdgAutostart', () => {
  let folder = ''
  afterEach(() => rmSync(folder, { recursive: true, force: true }))

  it('writes the entry (creating the folder) and removes it again; removing twice is harmless', () => {
    folder = mkdtempSync(join(tmpdir(), 'autostart-'))
    const filePath = join(folder, 'autostart', 'ai.veridox.case-monitor.desktop')
    const autostart = createXdgAutostart({ filePath, command: ['/opt/cm', '--hidden'] })
    autostart.setEnabled(true)
    expect(execLine(readFileSync(filePath, 'utf8'))).toBe('Exec=/opt/cm --hidden')
    autostart.setEnabled(false)
    expect(existsSync(filePath)).toBe(false)
    autostart.setEnabled(false)
    expect(existsSync(filePath)).toBe(false)
  })
})
