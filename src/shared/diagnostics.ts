import type { BackendMode } from './backend'
import type { CaseView, WatchState } from './case-view'
import type { ConnectionView } from './connection-view'
import type { ErrorCode } from './errors'

/** For a support call: how one case is followed. Codes only, never a raw message (it can hold paths or keys). */
export interface CaseDiagnostics {
  caseId: string
  label: string | null
  state: WatchState
  transport: CaseView['followedBy']
  /** The last stream event Veridox sent for the case (resumed from with Last-Event-ID). */
  lastEventId: string | null
  /** When Veridox last confirmed the case (epoch ms). */
  confirmedAt: number | null
  lastError: ErrorCode | null
  /** While reconnecting: when the next attempt is due (epoch ms). */
  nextRetryAt: number | null
}

export const budgetedRequests = ['list', 'get', 'poll'] as const
export type BudgetedRequest = (typeof budgetedRequests)[number]

/** Requests of one kind sent within Veridox's window, against its documented limit per key. */
export interface RequestBudget {
  kind: BudgetedRequest
  used: number
  limit: number
  windowMs: number
}

export interface Diagnostics {
  takenAt: number
  mode: BackendMode
  /** The Veridox host (no path, no credential). */
  host: string
  connection: ConnectionView
  streams: { inUse: number; limit: number }
  budgets: RequestBudget[]
  cases: CaseDiagnostics[]
}
