import { describe, expect, it } from 'vitest'
import { connectionStates, type ConnectionView } from '@shared/connection-view'
import { describeConnection } from './connection-words'

const now = new Date(2026, 11, 7, 14, 30, 0).getTime()
const connection = (overrides: Partial<ConnectionView>): ConnectionView => ({
  state: 'live',
  since: null,
  until: null,
  counts: { followed: 0, streaming: 0, polled: 0, listed: 0 },
  ...overrides,
})

describe('account connection words', () => {
  it('says live with how the cases are followed', () => {
    const words = describeConnection(connection({ counts: { followed: 14, streaming: 10, polled: 0, listed: 4 } }), now)
    expect(words.text).toBe('Live')
    expect(words.detail).toBe('10 cases on live updates, 4 checked periodically.')
  })

  it('says since when it is offline, with the date when that was not today', () => {
    expect(describeConnection(connection({ state: 'offline', since: now - 5 * 60_000 }), now).text).toMatch(
      /^Offline since 2:25\sPM$|^Offline since 14:25$/,
    )
    const yesterday = describeConnection(connection({ state: 'offline', since: now - 24 * 3_600_000 }), now).text
    expect(yesterday).toMatch(/^Offline since .*6.*14:30|^Offline since .*6.*2:30/)
  })

  it('says until when Veridox limits requests, to the second', () => {
    const words = describeConnection(connection({ state: 'rate_limited', until: now + 42_000 }), now)
    expect(words.text).toMatch(/^Rate-limited until (2:30:42\sPM|14:30:42)$/)
    expect(words.detail).toContain('Veridox asked the app to slow down')
  })

  it('says in words that a proxy blocks live updates, and how many cases are checked instead', () => {
    const words = describeConnection(
      connection({ state: 'streams_blocked', counts: { followed: 8, streaming: 0, polled: 8, listed: 0 } }),
      now,
    )
    expect(words.text).toBe('Live updates blocked by a proxy')
    expect(words.detail).toContain('8 cases are checked every few minutes instead')
    expect(words.text).not.toMatch(/polling|stream/i)
  })

  it('gives every state its own words and its own icon, so none relies on colour alone', () => {
    const all = connectionStates.map((state) => describeConnection(connection({ state, since: now, until: now + 1_000 }), now))
    expect(new Set(all.map((words) => words.text)).size).toBe(connectionStates.length)
    expect(new Set(all.map((words) => words.icon)).size).toBe(connectionStates.length)
    expect(describeConnection(connection({ state: 'key_rejected' }), now)).toMatchObject({ text: 'Key rejected', tone: 'danger' })
  })
})
