import { applyEvent, applyListItem, applySnapshot, caseRisk, hasFinalRisks, isCaseSettled } from '../case-state/case-state'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { ParsedMessage } from '../veridox/progress-event'
import { VeridoxError } from '../veridox/veridox-error'
import type { CaseDetails, CaseListItem } from '../veridox/wire-schemas'
import type { CompletionAnnouncement } from './case-monitor-types'
import type { CompletionLedger } from './completion-ledger'
import type { MonitorTuning } from './monitor-context'
import type { TerminalState, TrackedCase } from './tracked-case'

interface OutcomeDependencies {
  clock: Clock
  log: Log
  tuning: MonitorTuning
  ledger: CompletionLedger
  touch(tracked: TrackedCase): void
  stopStream(tracked: TrackedCase): void
  replan(): void
  kickReconciler(): void
  announce(announcement: CompletionAnnouncement): void
  rejectKey(error: VeridoxError): void
}

/** Settling attempts after an announcement made without final outcomes (a completed case with no files never settles). */
const maxSettleAttempts = 5

/** What each answer from Veridox does to a case: progress, completion, and the answers that end following it. */
export function createCaseOutcomes(deps: OutcomeDependencies) {
  const { clock, log, tuning } = deps

  function applyMessages(tracked: TrackedCase, messages: readonly ParsedMessage[]): void {
    const now = clock.now()
    let isChanged = tracked.isStale
    for (const message of messages) {
      if (message.kind === 'event') {
        tracked.state = applyEvent(tracked.state, message.event, now)
        if (message.event.id) tracked.lastEventId = message.event.id
        isChanged = true
      } else if (message.kind === 'unknown') {
        log('info', 'skipped an event of a type this app does not know', { caseId: tracked.caseId, type: message.type.slice(0, 64) })
      } else if (message.kind === 'malformed') {
        log('warn', 'skipped a malformed event', { caseId: tracked.caseId, reason: message.reason })
      }
    }
    tracked.lastFreshAt = now
    tracked.isStale = false
    if (isChanged) deps.touch(tracked)
    if (tracked.state.isComplete) finalize(tracked, false)
  }

  /** A completion is announced with its risk scores, which only the REST snapshot carries. */
  function finalize(tracked: TrackedCase, hasFreshSnapshot: boolean): void {
    if (tracked.terminal) return
    const now = clock.now()
    deps.stopStream(tracked)
    tracked.finalizeDeadline ??= now + tuning.finalizeTimeoutMs
    if ((hasFreshSnapshot && hasFinalRisks(tracked.state)) || now >= tracked.finalizeDeadline) {
      complete(tracked)
      return
    }
    tracked.snapshotWanted = 'finalize'
    tracked.nextSnapshotAt = hasFreshSnapshot ? now + 1_000 : now
    deps.kickReconciler()
  }

  function complete(tracked: TrackedCase): void {
    const now = clock.now()
    terminate(tracked, 'completed', null)
    // Announced on time without the final outcomes and risks: fetch them afterwards so the view ends true.
    if (!isCaseSettled(tracked.state)) wantSettle(tracked, now)
    if (!deps.ledger.record(tracked.caseId, now)) return
    deps.announce({
      caseId: tracked.caseId,
      label: tracked.state.label,
      risk: caseRisk(tracked.state),
      fileCount: tracked.state.files.length,
      failedFileCount: tracked.state.files.filter((file) => file.status === 'failed').length,
      completedAt: tracked.state.completedAt ?? now,
    })
  }

  function wantSettle(tracked: TrackedCase, at: number): void {
    if (tracked.settleAttempts >= maxSettleAttempts) return
    tracked.settleAttempts += 1
    tracked.snapshotWanted = 'settle'
    tracked.nextSnapshotAt = at
    deps.kickReconciler()
  }

  function terminate(tracked: TrackedCase, terminal: TerminalState, problem: TrackedCase['problem']): void {
    deps.stopStream(tracked)
    tracked.terminal = terminal
    tracked.problem = problem
    tracked.snapshotWanted = null
    tracked.finalizeDeadline = null
    tracked.isStale = false
    deps.touch(tracked)
    deps.replan()
  }

  return {
    applyMessages,
    complete,
    onSnapshot(tracked: TrackedCase, details: CaseDetails): void {
      tracked.state = applySnapshot(tracked.state, details, clock.now())
      if (tracked.terminal === 'completed') {
        deps.touch(tracked)
        if (!isCaseSettled(tracked.state) && details.files.length > 0) wantSettle(tracked, clock.now() + tuning.snapshotRetryMs)
        return
      }
      tracked.lastFreshAt = clock.now()
      tracked.isStale = false
      tracked.badResponses = 0
      if (tracked.streamStatus !== 'reconnecting') tracked.problem = null
      deps.touch(tracked)
      if (tracked.state.isComplete) finalize(tracked, true)
    },
    onListItem(tracked: TrackedCase, item: CaseListItem): void {
      const before = tracked.state
      tracked.state = applyListItem(tracked.state, item, clock.now())
      tracked.lastFreshAt = clock.now()
      if (tracked.isStale || before.label !== tracked.state.label || before.isComplete !== tracked.state.isComplete) {
        tracked.isStale = false
        deps.touch(tracked)
      }
      if (tracked.state.isComplete) finalize(tracked, false)
    },
    onRequestError(tracked: TrackedCase | null, error: unknown): void {
      if (!(error instanceof VeridoxError)) {
        log('error', 'a request failed unexpectedly', { reason: error instanceof Error ? error.name : 'unknown' })
        return
      }
      if (error.code === 'key_rejected' || error.code === 'forbidden') return deps.rejectKey(error)
      if (!tracked || tracked.terminal) return
      if (error.code === 'case_not_found') return terminate(tracked, 'not_found', error.toData())
      if (error.code === 'bad_response' && ++tracked.badResponses >= 3) return terminate(tracked, 'failed', error.toData())
      if (tracked.streamStatus !== 'live') {
        tracked.problem = error.toData()
        deps.touch(tracked)
      }
    },
  }
}
