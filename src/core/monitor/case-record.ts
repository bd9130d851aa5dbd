import type { TerminalWatchState } from '../../shared/case-rules'
import type { CaseProblem } from '../../shared/case-view'
import type { AnalysisPhase } from '../policy/check-cadence'
import { emptyCaseState, isCaseSettled, type CaseState } from '../case-state/case-state'
import type { UnreachableCause } from './case-monitor-types'
import type { PersistedCase } from './watch-persistence'

export type TerminalState = TerminalWatchState

/** What the monitor knows about one watched case. Written only by case-outcomes.ts; everyone else reads `CaseFacts`. */
export interface CaseRecord {
  readonly caseId: string
  readonly addedAt: number
  isPinned: boolean
  /** No pop-ups for this case; it still shows in the window and counts in the tray. */
  isMuted: boolean
  isVisible: boolean
  state: CaseState
  lastEventId: string | null
  /** Restored from disk and not yet confirmed by Veridox since the start. */
  isStale: boolean
  terminal: TerminalState | null
  /** The last failed request about this case; cleared by any fresh answer. */
  problem: CaseProblem | null
  updatedAt: number
  /** Last time Veridox confirmed this case's state (an event, heartbeat, list page, snapshot or poll). */
  lastFreshAt: number
  /** Set while a completion waits for its outcomes and risks; announced without them at this time. */
  finalizeDeadline: number | null
  settleAttempts: number
  badResponses: number
  /** Why the analyst was last told this case cannot be followed; cleared once Veridox answers for it again. */
  unreachableNotice: UnreachableCause | null
  /** Completed and not yet opened by the analyst; kept across restarts, so a result is never silently taken as seen. */
  isUnseen: boolean
  /** The analyst's own name for the case, kept only here. */
  localLabel: string | null
}

export type CaseFacts = Readonly<CaseRecord>

export const isFollowed = (facts: CaseFacts): boolean => facts.terminal === null
/**
 * Analysis started and the case has not completed. A case whose files have all settled is still in
 * analysis until Veridox says the case completed: its stream must not be handed on in that gap.
 */
export const isStateInAnalysis = (state: CaseState): boolean => !state.isComplete && state.files.some((file) => file.status !== 'waiting')
export const isInAnalysis = (facts: CaseFacts): boolean => isStateInAnalysis(facts.state)

export function analysisPhase(facts: CaseFacts): AnalysisPhase {
  if (facts.state.isComplete) return 'complete'
  if (isInAnalysis(facts)) return 'analysing'
  // Files known from events only may not be all of them.
  return facts.state.hasFileList ? 'waiting' : 'unknown'
}

const restoredState = (restored: PersistedCase): CaseState => ({
  label: restored.label,
  files: restored.files,
  isComplete: restored.isComplete,
  completedAt: restored.completedAt,
  hasFileList: restored.hasFileList,
})

export function createCaseRecord(caseId: string, now: number, restored?: PersistedCase): CaseRecord {
  const wasCompleted = restored?.lastState === 'completed'
  return {
    caseId,
    addedAt: restored?.addedAt ?? now,
    isPinned: restored?.isPinned ?? false,
    isMuted: restored?.isMuted ?? false,
    isVisible: false,
    state: restored ? restoredState(restored) : emptyCaseState,
    lastEventId: restored?.lastEventId ?? null,
    isStale: restored !== undefined && !wasCompleted,
    terminal: wasCompleted ? 'completed' : null,
    problem: null,
    updatedAt: now,
    lastFreshAt: 0,
    finalizeDeadline: null,
    settleAttempts: 0,
    badResponses: 0,
    unreachableNotice: restored?.unreachableNotice ?? null,
    isUnseen: wasCompleted && (restored?.isUnseen ?? false),
    localLabel: restored?.localLabel ?? null,
  }
}

/** A restored completed case whose outcomes were still missing when it was saved. */
export const needsSettling = (record: CaseFacts): boolean => record.terminal === 'completed' && !isCaseSettled(record.state)
