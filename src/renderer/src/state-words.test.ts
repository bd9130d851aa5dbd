import { describe, expect, it } from 'vitest'
import { caseGroup } from '@shared/case-rules'
import { watchStates, type WatchState } from '@shared/case-view'
import { describeState, type StateInput } from './state-words'

const now = Date.UTC(2025, 0, 10, 12, 0, 0)

function words(state: WatchState, extra: Partial<StateInput> = {}): string {
  return describeState({ state, followedBy: 'stream', nextAttemptAt: null, completedAt: null, ...extra }, now).text
}

describe('state chip words', () => {
  it('says each state in words an analyst understands', () => {
    expect(words('connecting')).toBe('Connecting…')
    expect(words('live')).toBe('Live')
    expect(words('polling', { followedBy: 'poll' })).toBe('Polling (stream blocked)')
    expect(words('offline')).toBe('Offline')
    expect(words('paused')).toBe('Paused')
    expect(words('not_found')).toBe('Not found')
    expect(words('unauthorized')).toBe('Key rejected')
    expect(words('failed')).toBe('Failed')
  })

  it('counts down to the next reconnection attempt', () => {
    expect(words('reconnecting', { nextAttemptAt: now + 12_000 })).toBe('Reconnecting in 12 s')
    expect(words('reconnecting', { nextAttemptAt: now + 11_200 })).toBe('Reconnecting in 12 s')
    expect(words('reconnecting', { nextAttemptAt: now + 180_000 })).toBe('Reconnecting in 3 min')
    expect(words('reconnecting', { nextAttemptAt: now - 1_000 })).toBe('Reconnecting…')
    expect(words('reconnecting')).toBe('Reconnecting…')
  })

  it('says how long ago a case completed', () => {
    expect(words('completed', { completedAt: now - 2 * 60_000 })).toBe('Completed · 2 min ago')
    expect(words('completed', { completedAt: now - 10_000 })).toBe('Completed · just now')
    expect(words('completed', { completedAt: now - 3 * 3_600_000 })).toBe('Completed · 3 h ago')
    expect(words('completed')).toBe('Completed')
  })

  it('does not call listing-based following a blocked stream', () => {
    expect(words('polling', { followedBy: 'list' })).toBe('Periodic updates')
  })

  it('colours a chip by the group its state belongs to', () => {
    for (const state of watchStates) {
      const { tone } = describeState({ state, followedBy: 'stream', nextAttemptAt: null, completedAt: null }, now)
      const group = caseGroup(state)
      expect(tone === 'danger', state).toBe(group === 'attention')
      expect(tone === 'success', state).toBe(group === 'completed')
    }
  })
})
