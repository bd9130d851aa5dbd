import { describe, expect, it } from 'vitest'
import { systemClock, type Clock } from '../runtime/clock'
import { createAwaySpells } from './away-spells'

function clockAt(start: number) {
  let now = start
  const clock: Clock = { ...systemClock, now: () => now }
  return { clock, set: (at: number) => void (now = at) }
}

const awake = { isAsleep: false, isNetworkOnline: true }

describe('away spells', () => {
  it('counts what finished before the app started, for cases watched before then', () => {
    const { clock } = clockAt(1_000)
    const away = createAwaySpells(clock)
    expect(away.finishedWhileAway({ completedAt: 900, addedAt: 100 })).toBe(true)
    expect(away.finishedWhileAway({ completedAt: 1_100, addedAt: 100 })).toBe(false)
    // Added now, finished long ago: news about a new case, not about an absence.
    expect(away.finishedWhileAway({ completedAt: 900, addedAt: 1_050 })).toBe(false)
  })

  it('starts again after sleep or an offline spell, once the machine is awake and online', () => {
    const { clock, set } = clockAt(1_000)
    const away = createAwaySpells(clock)
    set(2_000)
    away.noteSystemState({ isAsleep: true, isNetworkOnline: true })
    set(3_000)
    away.noteSystemState({ isAsleep: false, isNetworkOnline: false })
    expect(away.finishedWhileAway({ completedAt: 2_500, addedAt: 100 })).toBe(false)
    set(4_000)
    away.noteSystemState(awake)
    expect(away.finishedWhileAway({ completedAt: 2_500, addedAt: 100 })).toBe(true)
    set(5_000)
    away.noteSystemState(awake)
    expect(away.finishedWhileAway({ completedAt: 4_500, addedAt: 100 })).toBe(false)
  })
})
