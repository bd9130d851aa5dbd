import { isTerminalState } from '@shared/case-rules'
import type { CaseProblem, CaseView } from '@shared/case-view'
import type { ConnectionState, ConnectionView } from '@shared/connection-view'
import type { ErrorCode } from '@shared/errors'

// What holds for the whole account is told once in the header; a row keeps only what is its own.
type RowInput = Pick<CaseView, 'state' | 'followedBy' | 'problem' | 'isStale' | 'confirmedAt'>

/** The problem the header already tells while the account is in each state. */
const toldByHeader: Partial<Record<ConnectionState, ErrorCode>> = {
  offline: 'network_unreachable',
  rate_limited: 'rate_limited',
  streams_blocked: 'proxy_interference',
  key_rejected: 'key_rejected',
}

const isAboutReachingVeridox: ReadonlySet<ErrorCode> = new Set(Object.values(toldByHeader))

export function isAccountWideState(view: RowInput, connection: ConnectionView | null): boolean {
  switch (view.state) {
    case 'offline':
    case 'paused':
    case 'unauthorized':
      return true
    case 'polling':
      return view.followedBy === 'poll' && connection?.state === 'streams_blocked'
    default:
      return false
  }
}

export function ownProblem(view: RowInput, connection: ConnectionView | null): CaseProblem | null {
  // A rejected key is explained once, above the list.
  if (!view.problem || view.state === 'unauthorized') return null
  if (connection && toldByHeader[connection.state] === view.problem.code) return null
  // While the row itself defers to the header (offline, paused), how the case was reached before is not news.
  if (isAccountWideState(view, connection) && isAboutReachingVeridox.has(view.problem.code)) return null
  return view.problem
}

/** While the row's data is not live, when Veridox last confirmed it (since null: not since the app started). */
export function staleSince(view: RowInput, connection: ConnectionView | null): { since: number | null } | null {
  if (isTerminalState(view.state) || view.isStale) return null
  const isNotLive =
    isAccountWideState(view, connection) ||
    view.followedBy === 'poll' ||
    (connection?.state === 'rate_limited' && view.followedBy !== 'stream')
  return isNotLive ? { since: view.confirmedAt } : null
}
