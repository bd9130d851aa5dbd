import { describe, expect, it } from 'vitest'
import { createUnseenCompletions } from './unseen-completions'

describe('unseen completions', () => {
  it('keeps a completion unseen while the window is not focused, until the window is focused or the case opened', () => {
    const unseen = createUnseenCompletions()
    unseen.noteCompleted('a')
    unseen.noteCompleted('b')
    expect([...unseen.ids()]).toEqual(['a', 'b'])
    unseen.noteCaseOpened('a')
    expect([...unseen.ids()]).toEqual(['b'])
    unseen.setWindowFocused(true)
    expect([...unseen.ids()]).toEqual([])
  })

  it('counts a completion seen when it happens in the focused window', () => {
    const unseen = createUnseenCompletions()
    unseen.setWindowFocused(true)
    unseen.noteCompleted('a')
    expect(unseen.ids().size).toBe(0)
    unseen.setWindowFocused(false)
    unseen.noteCompleted('b')
    expect([...unseen.ids()]).toEqual(['b'])
  })
})
