import { describe, expect, it } from 'vitest'
import type { CaseView } from '../../shared/case-view'
import { toConnectionView, type AccountFacts } from './connection-view-model'

const now = 1_000_000
const running: AccountFacts = {
  isKeyRejected: false,
  isPaused: false,
  offlineSince: null,
  rateLimitedUntil: null,
  areStreamsBlocked: false,
}
const view = (state: CaseView['state'], followedBy: CaseView['followedBy']) => ({ state, followedBy })

describe('the account connection', () => {
  it('is live with counts of how each followed case is followed; settled cases are not counted', () => {
    const cases = [
      view('live', 'stream'),
      view('polling', 'list'),
      view('polling', 'list'),
      view('polling', 'poll'),
      view('completed', null),
    ]
    expect(toConnectionView(running, cases, now)).toEqual({
      state: 'live',
      since: null,
      until: null,
      counts: { followed: 4, streaming: 1, polled: 1, listed: 2 },
    })
  })

  it('is connecting while every followed case still waits for its first answer', () => {
    expect(toConnectionView(running, [view('connecting', 'list'), view('connecting', 'list')], now).state).toBe('connecting')
    expect(toConnectionView(running, [view('connecting', 'list'), view('live', 'stream')], now).state).toBe('live')
    expect(toConnectionView(running, [], now).state).toBe('live')
  })

  it('says offline since when, and nothing about rate limits then', () => {
    const connection = toConnectionView({ ...running, offlineSince: now - 60_000, rateLimitedUntil: now + 5_000 }, [], now)
    expect(connection).toMatchObject({ state: 'offline', since: now - 60_000, until: null })
  })

  it('says rate-limited until when, only while that is still ahead', () => {
    expect(toConnectionView({ ...running, rateLimitedUntil: now + 5_000 }, [], now)).toMatchObject({
      state: 'rate_limited',
      until: now + 5_000,
    })
    expect(toConnectionView({ ...running, rateLimitedUntil: now }, [], now)).toMatchObject({ state: 'live', until: null })
  })

  it('says streams are blocked by a proxy, counting the cases polled because of it', () => {
    const connection = toConnectionView({ ...running, areStreamsBlocked: true }, [view('polling', 'poll'), view('polling', 'poll')], now)
    expect(connection).toMatchObject({ state: 'streams_blocked', counts: { polled: 2 } })
  })

  it('ranks a rejected key over a pause, a pause over offline, offline over the rest', () => {
    const everything: AccountFacts = {
      isKeyRejected: true,
      isPaused: true,
      offlineSince: now,
      rateLimitedUntil: now + 1,
      areStreamsBlocked: true,
    }
    expect(toConnectionView(everything, [], now).state).toBe('key_rejected')
    expect(toConnectionView({ ...everything, isKeyRejected: false }, [], now).state).toBe('paused')
    expect(toConnectionView({ ...everything, isKeyRejected: false, isPaused: false }, [], now).state).toBe('offline')
    expect(toConnectionView({ ...running, rateLimitedUntil: now + 1, areStreamsBlocked: true }, [], now).state).toBe('rate_limited')
  })
})
