import type { CaseView } from '../../shared/case-view'
import { isTerminalState } from '../../shared/case-rules'
import type { ConnectionCounts, ConnectionView } from '../../shared/connection-view'

/** What the monitor knows about the whole key; the connection view is derived from it and the case views. */
export interface AccountFacts {
  isKeyRejected: boolean
  isPaused: boolean
  offlineSince: number | null
  /** The latest time any request window is blocked until after a 429 (or a 503 with Retry-After). */
  rateLimitedUntil: number | null
  areStreamsBlocked: boolean
}

type CaseTransport = Pick<CaseView, 'state' | 'followedBy'>

function countsOf(cases: readonly CaseTransport[]): ConnectionCounts {
  const counts: ConnectionCounts = { followed: 0, streaming: 0, polled: 0, listed: 0 }
  for (const { state, followedBy } of cases) {
    if (isTerminalState(state)) continue
    counts.followed += 1
    if (followedBy === 'stream' && state === 'live') counts.streaming += 1
    else if (followedBy === 'poll') counts.polled += 1
    else if (followedBy === 'list') counts.listed += 1
  }
  return counts
}

export function toConnectionView(account: AccountFacts, cases: readonly CaseTransport[], now: number): ConnectionView {
  const counts = countsOf(cases)
  const quiet = { since: null, until: null, counts }
  if (account.isKeyRejected) return { state: 'key_rejected', ...quiet }
  if (account.isPaused) return { state: 'paused', ...quiet }
  if (account.offlineSince !== null) return { state: 'offline', ...quiet, since: account.offlineSince }
  if (account.rateLimitedUntil !== null && account.rateLimitedUntil > now) {
    return { state: 'rate_limited', ...quiet, until: account.rateLimitedUntil }
  }
  if (account.areStreamsBlocked) return { state: 'streams_blocked', ...quiet }
  const isWaitingForFirstAnswer = counts.followed > 0 && cases.every((view) => isTerminalState(view.state) || view.state === 'connecting')
  return { state: isWaitingForFirstAnswer ? 'connecting' : 'live', ...quiet }
}

export const sameConnection = (a: ConnectionView, b: ConnectionView): boolean => JSON.stringify(a) === JSON.stringify(b)
