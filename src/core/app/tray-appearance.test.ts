import { describe, expect, it } from 'vitest'
import { trayIconFile, trayTitle } from './tray-appearance'

describe('the tray on each platform', () => {
  it('uses template images on macOS, an .ico on Windows and PNGs elsewhere', () => {
    expect(trayIconFile({ state: 'attention', count: 2 }, 'darwin')).toBe('attentionTemplate.png')
    expect(trayIconFile({ state: 'attention', count: 2 }, 'win32')).toBe('attention.ico')
    expect(trayIconFile({ state: 'attention', count: 2 }, 'linux')).toBe('attention.png')
  })

  it('draws the count of cases in analysis into the glyph where there is no title to show it (1 to 9, then 9+)', () => {
    expect(trayIconFile({ state: 'analysing', count: 3 }, 'linux')).toBe('analysing-3.png')
    expect(trayIconFile({ state: 'analysing', count: 12 }, 'win32')).toBe('analysing-9plus.ico')
    expect(trayIconFile({ state: 'analysing', count: 3 }, 'darwin')).toBe('analysingTemplate.png')
    expect(trayIconFile({ state: 'analysing', count: 0 }, 'linux')).toBe('analysing.png')
  })

  it('shows the count as a title only on macOS, where the menu bar has room for it', () => {
    expect(trayTitle('3', 'darwin')).toBe('3')
    expect(trayTitle('3', 'linux')).toBeNull()
    expect(trayTitle('3', 'win32')).toBeNull()
  })
})
