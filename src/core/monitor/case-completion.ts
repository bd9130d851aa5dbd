import { fileCounts } from '../../shared/case-rules'
import type { CaseProblem } from '../../shared/case-view'
import { caseRisk, hasFinalRisks, isCaseSettled } from '../case-state/case-state'
import type { SnapshotReason } from '../policy/request-priority'
import type { Clock } from '../runtime/clock'
import type { CaseRecord, TerminalState } from './case-record'
import type { CompletionLedger } from './completion-ledger'
import type { MonitorBus } from './monitor-bus'
import type { MonitorTuning } from './monitor-tuning'

/** Settling attempts after an announcement made without final outcomes (a completed case with no files never settles). */
const maxSettleAttempts = 5

interface CompletionDependencies {
  clock: Clock
  tuning: MonitorTuning
  ledger: CompletionLedger
  bus: MonitorBus
  records: ReadonlyMap<string, CaseRecord>
  wantSnapshot(record: CaseRecord, reason: SnapshotReason, at?: number): void
  terminate(record: CaseRecord, terminal: TerminalState, problem: CaseProblem | null): void
}

/**
 * The completion half of case-outcomes.ts, which owns the records and alone calls this: a completion
 * waits for its outcomes and risks, is announced once through the ledger, and settles afterwards.
 */
export function createCaseCompletion(deps: CompletionDependencies) {
  const { clock, tuning, ledger, bus, wantSnapshot } = deps

  /** A completion is announced with its risk scores, which only the REST snapshot carries. */
  function finalize(record: CaseRecord, hasFreshSnapshot: boolean): void {
    if (record.terminal) return
    const now = clock.now()
    if (record.finalizeDeadline === null) {
      record.finalizeDeadline = now + tuning.finalizeTimeoutMs
      bus.emit('planChanged', undefined)
    }
    // The deadline is kept by `expire` alone, which knows whether the snapshot waits for budget.
    if (hasFreshSnapshot && hasFinalRisks(record.state)) {
      complete(record)
      return
    }
    wantSnapshot(record, 'finalize', hasFreshSnapshot ? now + 1_000 : now)
  }

  function complete(record: CaseRecord): void {
    const now = clock.now()
    const counts = fileCounts(record.state.files)
    const announcement = {
      caseId: record.caseId,
      label: record.state.label,
      risk: caseRisk(record.state),
      fileCount: counts.total,
      failedFileCount: counts.failed,
      completedAt: record.state.completedAt ?? now,
      localLabel: record.localLabel,
    }
    // Announced before the view says completed, so a consumer that stops at the last completion has shown it.
    record.terminal = 'completed'
    if (ledger.record(announcement)) bus.emit('announced', announcement)
    deps.terminate(record, 'completed', null)
    // Announced on time without the final outcomes and risks: fetch them afterwards so the view ends true.
    if (!isCaseSettled(record.state)) wantSettle(record, now)
  }

  function wantSettle(record: CaseRecord, at: number): void {
    if (record.settleAttempts >= maxSettleAttempts) return
    record.settleAttempts += 1
    wantSnapshot(record, 'settle', at)
  }

  return {
    finalize,
    wantSettle,
    /**
     * Completions whose outcomes did not arrive in time are announced without them. One whose snapshot
     * only waits for request budget waits once more as long (a notice with the risk is worth more to
     * the analyst than one a few seconds sooner without it), but no longer: a burst beyond the budget
     * is announced on time and settled afterwards.
     */
    expire(now: number, isWaitingForBudget: (caseId: string) => boolean): void {
      for (const record of deps.records.values()) {
        if (record.terminal !== null || record.finalizeDeadline === null || now < record.finalizeDeadline) continue
        const isPastBudgetWait = now >= record.finalizeDeadline + tuning.finalizeTimeoutMs
        if (isPastBudgetWait || !isWaitingForBudget(record.caseId)) complete(record)
      }
    },
  }
}
