import { isFileSettled } from '../../shared/case-rules'
import type { CaseProblem } from '../../shared/case-view'
import { applyEvent, applyListItem, applySnapshot, isBeyondFileCap, isCaseSettled } from '../case-state/case-state'
import type { SnapshotReason } from '../policy/request-priority'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import { maxFilesPerCase } from '../veridox/field-limits'
import type { ParsedMessage, ProgressEvent } from '../veridox/progress-event'
import { VeridoxError } from '../veridox/veridox-error'
import {
  createCaseRecord,
  isInAnalysis,
  isStateInAnalysis,
  needsSettling,
  type CaseFacts,
  type CaseRecord,
  type TerminalState,
} from './case-record'
import { createCaseCompletion } from './case-completion'
import type { UnreachableCause } from './case-monitor-types'
import type { CompletionLedger } from './completion-ledger'
import type { MonitorBus, VeridoxAnswer } from './monitor-bus'
import type { MonitorTuning } from './monitor-tuning'
import type { PersistedCase } from './watch-persistence'

// Veridox answered for the case before (its label, files or events), so a 404 now means it is gone, not a mistyped ID.
const wasKnownToVeridox = (record: CaseRecord): boolean =>
  record.state.hasFileList || record.state.label !== null || record.state.files.length > 0 || record.lastEventId !== null
const caseDeleted: CaseProblem = { code: 'case_deleted', message: 'Veridox no longer has this case: it was deleted or moved.' }

/** Unreadable answers about one case in a row before it is given up as failed. */
const badResponsesBeforeFailed = 3
/** Files of a case often settle close together: one snapshot a moment later brings all their risks. */
const fileRiskSnapshotDelayMs = 500
// A row says "updated 2 min ago" from confirmedAt: moving it on at most once a minute keeps that true
// without a renderer message for every heartbeat.
const confirmationShownEveryMs = 60_000

interface OutcomeDependencies {
  clock: Clock
  log: Log
  tuning: MonitorTuning
  ledger: CompletionLedger
  bus: MonitorBus
  restored: readonly PersistedCase[]
}

/**
 * Owns every watched case's record and decides what each answer from Veridox does to it: progress,
 * completion (announced once, through the ledger), and the answers that end following a case.
 */
export function createCaseOutcomes(deps: OutcomeDependencies) {
  const { clock, log, tuning, ledger, bus } = deps
  const records = new Map<string, CaseRecord>()
  const casesOverFileCap = new WeakSet<CaseRecord>()

  function changed(record: CaseRecord): void {
    record.updatedAt = clock.now()
    bus.emit('caseChanged', record.caseId)
  }

  const wantSnapshot = (record: CaseRecord, reason: SnapshotReason, at = clock.now()): void =>
    bus.emit('snapshotWanted', { caseId: record.caseId, reason, at })
  const completion = createCaseCompletion({ clock, tuning, ledger, bus, records, wantSnapshot, terminate })
  const { finalize, wantSettle } = completion

  /** True when the view changed: it was unconfirmed, or its `confirmedAt` is due to move on. */
  function confirmed(record: CaseRecord, now = clock.now()): boolean {
    const wasUnconfirmed = record.isStale || record.problem !== null || record.unreachableNotice !== null
    const isConfirmationDue = now - record.lastFreshAt >= confirmationShownEveryMs
    // Reached again: losing it once more is news worth telling.
    record.unreachableNotice = null
    record.lastFreshAt = now
    record.isStale = false
    if (record.terminal === null) record.problem = null
    record.badResponses = 0
    return wasUnconfirmed || isConfirmationDue
  }

  /** `now` is read once per answer: a busy stream is thousands of events a second, and each reading of the clock costs. */
  function applyMessage(record: CaseRecord, message: ParsedMessage, now: number): void {
    if (message.kind === 'unknown') {
      log('info', 'skipped an event of a type this app does not know', { caseId: record.caseId, type: message.type.slice(0, 64) })
      return
    }
    if (message.kind === 'malformed') {
      log('warn', 'skipped a malformed event', { caseId: record.caseId, reason: message.reason })
      return
    }
    if (message.kind !== 'event') return
    if (isBeyondFileCap(record.state, message.event)) {
      if (message.event.id) record.lastEventId = message.event.id
      // Once per case: a flood of such events must not become a flood of log lines (or of changes to print).
      if (!casesOverFileCap.has(record)) {
        casesOverFileCap.add(record)
        log('warn', `ignoring files beyond the first ${maxFilesPerCase} of a case`, { caseId: record.caseId })
      }
      return
    }
    const before = record.state
    record.state = applyEvent(record.state, message.event, now)
    if (message.event.id) record.lastEventId = message.event.id
    if (isAwaitingRisk(record, message.event)) wantSnapshot(record, 'file-settled', now + fileRiskSnapshotDelayMs)
    // An event that repeats what is known (a replay, the same progress again: most of a busy stream) changes no
    // view, so it is no change: the event id it moved on is saved with the next one, and a restart that resumes
    // from an older id only replays such events again. Every other event is one change, so a consumer that
    // prints every change (watch --json) sees poll pages whole.
    if (record.state === before) return
    changed(record)
    if (isStateInAnalysis(before) !== isInAnalysis(record)) bus.emit('planChanged', undefined)
  }

  /** Events never carry a risk (docs/veridox-api.md §3.3): a file that succeeded has one only in the snapshot. */
  function isAwaitingRisk(record: CaseRecord, event: ProgressEvent): boolean {
    if (event.type !== 'file.analysis.completed' || event.outcome !== 'success' || record.state.isComplete) return false
    const { files } = record.state
    // The last file to settle completes the case, whose own snapshot brings every risk.
    const isLastToSettle = files.every((file) => file.fileId === event.fileId || isFileSettled(file.status))
    return !isLastToSettle && files.find((file) => file.fileId === event.fileId)?.risk === null
  }

  function terminate(record: CaseRecord, terminal: TerminalState, problem: CaseProblem | null): void {
    record.terminal = terminal
    record.problem = problem
    record.finalizeDeadline = null
    record.isStale = false
    if (terminal === 'completed') record.isUnseen = true
    if (terminal === 'not_found') noteUnreachable(record, problem?.code === 'case_deleted' ? 'deleted' : 'not_found')
    changed(record)
    bus.emit('planChanged', undefined)
  }

  /** Recorded on the case (and so saved with the watch list) before it is told, so neither a retry nor a restart tells it twice. */
  function noteUnreachable(record: CaseRecord, cause: UnreachableCause): void {
    if (record.unreachableNotice === cause) return
    record.unreachableNotice = cause
    bus.emit('unreachable', { caseId: record.caseId, label: record.state.label, cause, localLabel: record.localLabel })
  }

  function onSnapshot(record: CaseRecord, details: Parameters<typeof applySnapshot>[1]): void {
    record.state = applySnapshot(record.state, details, clock.now())
    if (record.terminal === 'completed') {
      changed(record)
      if (!isCaseSettled(record.state) && details.files.length > 0) wantSettle(record, clock.now() + tuning.snapshotRetryMs)
      return
    }
    confirmed(record)
    changed(record)
    if (record.state.isComplete) finalize(record, true)
  }

  function onListItem(record: CaseRecord, item: Parameters<typeof applyListItem>[1]): void {
    if (record.terminal) return
    const before = record.state
    record.state = applyListItem(record.state, item, clock.now())
    const wasUnconfirmed = confirmed(record)
    if (wasUnconfirmed || before.label !== record.state.label || before.isComplete !== record.state.isComplete) changed(record)
    if (record.state.isComplete) finalize(record, false)
  }

  function onFailure(record: CaseRecord | null, error: unknown): void {
    if (!(error instanceof VeridoxError)) {
      log('error', 'a request failed unexpectedly', { reason: error instanceof Error ? error.name : 'unknown' })
      return
    }
    if (error.code === 'key_rejected' || error.code === 'forbidden') return bus.emit('keyRefused', error)
    if (!record || record.terminal) return
    if (error.code === 'case_not_found') return terminate(record, 'not_found', wasKnownToVeridox(record) ? caseDeleted : error.toData())
    if (error.code === 'bad_response' && ++record.badResponses >= badResponsesBeforeFailed) {
      return terminate(record, 'failed', error.toData())
    }
    record.problem = error.toData()
    changed(record)
  }

  function apply(answer: VeridoxAnswer): void {
    const record = answer.caseId === null ? null : (records.get(answer.caseId) ?? null)
    if (answer.kind === 'failed') return onFailure(record, answer.error)
    if (!record) return
    switch (answer.kind) {
      case 'stream-live':
        if (confirmed(record)) changed(record)
        return
      case 'stream-message': {
        if (record.terminal) return
        const now = clock.now()
        if (confirmed(record, now)) changed(record)
        applyMessage(record, answer.message, now)
        if (record.state.isComplete) finalize(record, false)
        return
      }
      case 'poll-page':
        if (record.terminal) return
        if (confirmed(record)) changed(record)
        for (const message of answer.page.messages) applyMessage(record, message, clock.now())
        if (record.state.isComplete) finalize(record, false)
        return
      case 'snapshot':
        return onSnapshot(record, answer.details)
      case 'list-item':
        return onListItem(record, answer.item)
    }
  }

  function add(caseId: string, restored?: PersistedCase): CaseRecord {
    const record = createCaseRecord(caseId, clock.now(), restored)
    records.set(caseId, record)
    if (!restored) wantSnapshot(record, 'added')
    else if (needsSettling(record)) wantSnapshot(record, 'settle')
    // A case saved as completed was announced then, even if the ledger was lost since.
    if (record.terminal === 'completed') ledger.recordSilently(caseId, record.state.completedAt ?? clock.now())
    return record
  }

  const withRecord = (caseId: string, action: (record: CaseRecord) => void): boolean => {
    const record = records.get(caseId)
    if (record) action(record)
    return record !== undefined
  }

  for (const saved of deps.restored) add(saved.caseId, saved)

  return {
    records: records as ReadonlyMap<string, CaseFacts>,
    apply,
    watch(caseIds: readonly string[]): void {
      for (const caseId of caseIds) if (!records.has(caseId)) changed(add(caseId))
      bus.emit('planChanged', undefined)
    },
    unwatch: (caseId: string): boolean => records.delete(caseId),
    setPinned: (caseId: string, isPinned: boolean): boolean =>
      withRecord(caseId, (record) => {
        record.isPinned = isPinned
        changed(record)
        bus.emit('planChanged', undefined)
      }),
    setMuted: (caseId: string, isMuted: boolean): boolean =>
      withRecord(caseId, (record) => {
        record.isMuted = isMuted
        changed(record)
      }),
    /** The analyst opened these cases or marked them seen. Unknown or already seen cases are skipped. */
    markSeen(caseIds: readonly string[]): void {
      for (const caseId of caseIds) {
        const record = records.get(caseId)
        if (!record?.isUnseen) continue
        record.isUnseen = false
        changed(record)
      }
    },
    setLocalLabel: (caseId: string, localLabel: string | null): boolean =>
      withRecord(caseId, (record) => {
        record.localLabel = localLabel
        changed(record)
      }),
    /** The account stopped on a rejected key: every case still followed cannot be, until a new key. */
    keyRejected(): void {
      for (const record of records.values()) {
        if (record.terminal !== null) continue
        noteUnreachable(record, 'key_rejected')
        changed(record)
      }
    },
    setVisible(caseIds: ReadonlySet<string>): void {
      for (const record of records.values()) record.isVisible = caseIds.has(record.caseId)
      bus.emit('planChanged', undefined)
    },
    /** The analyst asks to try again: whatever ended following the case is forgotten. */
    retry: (caseId: string): boolean =>
      withRecord(caseId, (record) => {
        if (record.terminal === 'completed') return
        record.terminal = null
        record.problem = null
        record.badResponses = 0
        wantSnapshot(record, 'added', 0)
        changed(record)
        bus.emit('planChanged', undefined)
      }),
    /** After an outage or sleep nothing is confirmed any more: what was seen before may be out of date. */
    markUnconfirmed(): void {
      for (const record of records.values()) if (record.terminal === null) record.lastFreshAt = 0
    },
    expireFinalizations: completion.expire,
  }
}
