import type { CaseView } from '../../shared/case-view'
import type { CaseDiagnostics, RequestBudget } from '../../shared/diagnostics'
import type { RequestKind, VeridoxLimits } from '../policy/limits'
import type { CaseFacts } from './case-record'

export function toCaseDiagnostics(facts: CaseFacts, view: CaseView): CaseDiagnostics {
  return {
    caseId: view.caseId,
    label: view.label,
    state: view.state,
    transport: view.followedBy,
    lastEventId: facts.lastEventId,
    confirmedAt: view.confirmedAt,
    lastError: view.problem?.code ?? null,
    nextRetryAt: view.nextAttemptAt,
  }
}

/** Against Veridox's documented limits (docs/veridox-api.md §6.1), which support quotes, not the app's own margin below them. */
export function toRequestBudgets(limits: VeridoxLimits, taken: (kind: RequestKind) => number): RequestBudget[] {
  return [
    { kind: 'list', used: taken('list'), limit: limits.listPerMin, windowMs: 60_000 },
    { kind: 'get', used: taken('get'), limit: limits.getPerMin, windowMs: 60_000 },
    { kind: 'poll', used: taken('poll'), limit: limits.pollsPerHour, windowMs: 3_600_000 },
  ]
}
