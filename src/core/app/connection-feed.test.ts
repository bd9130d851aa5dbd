import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { notConnectedYet, type ConnectionView } from '../../shared/connection-view'
import { systemClock } from '../runtime/clock'
import { createConnectionFeed } from './connection-feed'

beforeEach(() => vi.useFakeTimers({ now: 0 }))
afterEach(() => vi.useRealTimers())

describe('connection feed', () => {
  it('sends only changes, and looks again when a rate limit ends since nothing else would tell', () => {
    let current: ConnectionView = { ...notConnectedYet, state: 'rate_limited', until: 5_000 }
    const sent: ConnectionView[] = []
    const feed = createConnectionFeed({
      monitor: { connection: () => current },
      clock: systemClock,
      send: (_event, payload) => void sent.push(payload as ConnectionView),
    })
    feed.check()
    feed.check()
    expect(sent.map((c) => c.state)).toEqual(['rate_limited'])
    current = { ...notConnectedYet, state: 'live' }
    vi.advanceTimersByTime(4_999)
    expect(sent).toHaveLength(1)
    vi.advanceTimersByTime(2)
    expect(sent.map((c) => c.state)).toEqual(['rate_limited', 'live'])
    feed.dispose()
  })
})
