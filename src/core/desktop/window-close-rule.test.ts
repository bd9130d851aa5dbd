import { describe, expect, it } from 'vitest'
import { createMemoryDocument } from '../persistence/memory-document'
import { createWindowCloseRule, isHiddenLaunch } from './window-close-rule'

describe('createWindowCloseRule', () => {
  it('with a tray, closing hides the window and explains nothing', () => {
    const rule = createWindowCloseRule({ hasTray: true, notes: createMemoryDocument() })
    expect(rule.close()).toEqual({ action: 'hide', shouldExplain: false })
  })

  it('without a tray, closing minimises, and only the first close ever explains why', () => {
    const notes = createMemoryDocument()
    const rule = createWindowCloseRule({ hasTray: false, notes })
    expect(rule.close()).toEqual({ action: 'minimize', shouldExplain: true })
    expect(rule.close()).toEqual({ action: 'minimize', shouldExplain: false })
    // The next start reads the same notes: said once means once across restarts.
    expect(createWindowCloseRule({ hasTray: false, notes }).close()).toEqual({ action: 'minimize', shouldExplain: false })
  })

  it('keeps what else the notes file holds, and explains again only if the file was lost', () => {
    const notes = createMemoryDocument({ other: 1 })
    createWindowCloseRule({ hasTray: false, notes }).close()
    expect(notes.read()).toMatchObject({ other: 1 })
    notes.setAside('test')
    expect(createWindowCloseRule({ hasTray: false, notes }).close().shouldExplain).toBe(true)
  })

  it('explains in this session even when the note cannot be saved', () => {
    const notes = {
      ...createMemoryDocument(),
      write: () => {
        throw new Error('read-only disk')
      },
    }
    const rule = createWindowCloseRule({ hasTray: false, notes })
    expect(rule.close().shouldExplain).toBe(true)
    expect(rule.close().shouldExplain).toBe(false)
  })
})

describe('isHiddenLaunch', () => {
  it('is hidden when started with --hidden (XDG autostart, Windows login item) or as a macOS login item', () => {
    expect(isHiddenLaunch(['/opt/cm', '--hidden'], false)).toBe(true)
    expect(isHiddenLaunch(['/opt/cm'], true)).toBe(true)
    expect(isHiddenLaunch(['/opt/cm', '--hidden=no'], false)).toBe(false)
    expect(isHiddenLaunch(['/opt/cm'], false)).toBe(false)
  })
})
