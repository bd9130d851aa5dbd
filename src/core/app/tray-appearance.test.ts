import { describe, expect, it } from 'vitest'
import { trayIconFile, trayTitle } from './tray-appearance'

describe('the tray on each platform', () => {
  it('uses template images on macOS, an .ico on Windows and PNGs elsewhere', () => {
    expect(trayIconFile('attention', 'darwin')).toBe('attentionTemplate.png')
    expect(trayIconFile('attention', 'win32')).toBe('attention.ico')
    expect(trayIconFile('attention', 'linux')).toBe('attention.png')
  })

  it('shows the count as a title only on macOS, where the menu bar has room for it', () => {
    expect(trayTitle('3', 'darwin')).toBe('3')
    expect(trayTitle('3', 'linux')).toBeNull()
    expect(trayTitle('3', 'win32')).toBeNull()
  })
})
