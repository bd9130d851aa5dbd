import { describe, expect, it } from 'vitest'
import { triageGroup } from '@shared/case-triage'
import { watchStates, type WatchState } from '@shared/case-view'
import { makeFile } from './testing/fixtures'
import { describeState, type StateInput } from './state-words'

const now = Date.UTC(2025, 0, 10, 12, 0, 0)

function words(state: WatchState, extra: Partial<StateInput> = {}): string {
  return describeState(input(state, extra), now).text
}

function input(state: WatchState, extra: Partial<StateInput> = {}): StateInput {
  const files = [makeFile({ status: 'processing' })]
  return {
    state,
    followedBy: 'stream',
    nextAttemptAt: null,
    completedAt: null,
    problem: null,
    files,
    risk: null,
    hasFileList: true,
    ...extra,
  }
}

const clean = { risk: 'low' as const, files: [makeFile({ status: 'success', risk: 'low' })] }

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

  it('says how long ago a case completed, and whether it needs review', () => {
    expect(words('completed', { ...clean, completedAt: now - 2 * 60_000 })).toBe('Done · 2 min ago')
    expect(words('completed', { ...clean, completedAt: now - 10_000 })).toBe('Done · just now')
    expect(words('completed', { ...clean, completedAt: now - 3 * 3_600_000 })).toBe('Done · 3 h ago')
    expect(words('completed', clean)).toBe('Done')
    expect(words('completed', { risk: 'high', files: [makeFile({ status: 'success', risk: 'high' })], completedAt: now })).toBe(
      'Needs review · just now',
    )
  })

  it('does not call listing-based following a blocked stream', () => {
    expect(words('polling', { followedBy: 'list' })).toBe('Periodic updates')
  })

  it('colours a chip by its triage group: green only for done, red only for unreachable', () => {
    for (const state of watchStates) {
      for (const extra of [{}, clean, { files: [makeFile({ status: 'failed' })] }]) {
        const view = input(state, extra)
        const { tone } = describeState(view, now)
        expect(tone === 'danger', state).toBe(triageGroup(view) === 'unreachable')
        expect(tone === 'success', state).toBe(triageGroup(view) === 'done')
      }
    }
  })
})
