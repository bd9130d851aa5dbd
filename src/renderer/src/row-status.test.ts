import { describe, expect, it } from 'vitest'
import type { CaseView } from '@shared/case-view'
import type { ConnectionView } from '@shared/connection-view'
import { caseViewFixture } from '@shared/testing/case-view-fixture'
import { isAccountWideState, ownProblem, staleSince } from './row-status'

const connection = (state: ConnectionView['state']): ConnectionView => ({
  state,
  since: null,
  until: null,
  counts: { followed: 1, streaming: 0, polled: 0, listed: 0 },
})
const row = (overrides: Partial<CaseView>) => caseViewFixture({ caseId: 'c', ...overrides })

describe('what a row says of its own', () => {
  it('leaves offline, a pause and a rejected key to the header', () => {
    for (const state of ['offline', 'paused', 'unauthorized'] as const) {
      expect(isAccountWideState(row({ state, followedBy: null }), connection('offline'))).toBe(true)
    }
    expect(isAccountWideState(row({ state: 'reconnecting' }), connection('offline'))).toBe(false)
    expect(isAccountWideState(row({ state: 'failed' }), connection('offline'))).toBe(false)
  })

  it('leaves polling to the header only while a proxy blocks streams for the whole account', () => {
    const polled = row({ state: 'polling', followedBy: 'poll', problem: { code: 'proxy_interference', message: 'x' } })
    expect(isAccountWideState(polled, connection('streams_blocked'))).toBe(true)
    expect(ownProblem(polled, connection('streams_blocked'))).toBeNull()
    // One case behind an interfering proxy while the others stream: that is the row's own news.
    expect(isAccountWideState(polled, connection('live'))).toBe(false)
    expect(ownProblem(polled, connection('live'))?.code).toBe('proxy_interference')
  })

  it('keeps a problem that is the case’s own, and drops one the header already tells', () => {
    const limited = row({ state: 'polling', followedBy: 'list', problem: { code: 'rate_limited', message: 'x' } })
    expect(ownProblem(limited, connection('rate_limited'))).toBeNull()
    expect(ownProblem(limited, connection('live'))?.code).toBe('rate_limited')
    const unreachable = row({ state: 'offline', followedBy: null, problem: { code: 'network_unreachable', message: 'x' } })
    expect(ownProblem(unreachable, connection('offline'))).toBeNull()
    const serverTrouble = row({ state: 'reconnecting', problem: { code: 'server_error', message: 'x' } })
    expect(ownProblem(serverTrouble, connection('offline'))?.code).toBe('server_error')
    expect(ownProblem(row({ state: 'unauthorized', problem: { code: 'key_rejected', message: 'x' } }), null)).toBeNull()
    // Offline after a proxy blocked streams: the proxy is not news on every row while nothing is followed.
    const proxiedThenOffline = row({ state: 'offline', followedBy: null, problem: { code: 'proxy_interference', message: 'x' } })
    expect(ownProblem(proxiedThenOffline, connection('offline'))).toBeNull()
    const failing = row({ state: 'offline', followedBy: null, problem: { code: 'server_error', message: 'x' } })
    expect(ownProblem(failing, connection('offline'))?.code).toBe('server_error')
  })

  it('says when the data was last confirmed only while it is not live', () => {
    expect(staleSince(row({ state: 'offline', followedBy: null, confirmedAt: 5 }), connection('offline'))).toEqual({ since: 5 })
    expect(staleSince(row({ state: 'offline', followedBy: null, confirmedAt: null }), connection('offline'))).toEqual({ since: null })
    expect(staleSince(row({ state: 'polling', followedBy: 'poll', confirmedAt: 5 }), connection('live'))).toEqual({ since: 5 })
    expect(staleSince(row({ state: 'polling', followedBy: 'list', confirmedAt: 5 }), connection('rate_limited'))).toEqual({ since: 5 })
    expect(staleSince(row({ state: 'polling', followedBy: 'list', confirmedAt: 5 }), connection('live'))).toBeNull()
    expect(staleSince(row({ state: 'live', confirmedAt: 5 }), connection('live'))).toBeNull()
    expect(staleSince(row({ state: 'completed', followedBy: null, confirmedAt: 5 }), connection('offline'))).toBeNull()
    // Restored from disk: the case's name already says "last known — refreshing".
    expect(staleSince(row({ state: 'offline', followedBy: null, isStale: true }), connection('offline'))).toBeNull()
  })
})
