import type { CaseProblem, CaseView, WatchState } from '../../shared/case-view'
import { caseRisk, emptyCaseState, isCaseSettled, overallProgress, type CaseState } from '../case-state/case-state'
import type { StreamSession } from './stream-session'
import type { PersistedCase } from './watch-persistence'

export type FollowMode = 'stream' | 'poll' | 'list'
export type TerminalState = 'completed' | 'not_found' | 'failed'
/**
 * finalize: a completion waits for outcomes and risks. gap: events may have been missed. settle: a
 * completion was announced before its outcomes and risks arrived. added: first look. check: routine.
 */
export type SnapshotReason = 'finalize' | 'gap' | 'settle' | 'added' | 'check'

/** Everything the monitor knows and does about one watched case. */
export interface TrackedCase {
  readonly caseId: string
  addedAt: number
  isPinned: boolean
  isVisible: boolean
  state: CaseState
  lastEventId: string | null
  isStale: boolean
  terminal: TerminalState | null
  problem: CaseProblem | null
  updatedAt: number

  session: StreamSession | null
  /** Bumped whenever the stream is stopped, so callbacks from an old session are ignored. */
  streamGeneration: number
  /** After stream_closed, the stream is not reopened before this time. */
  noStreamUntil: number
  streamStatus: 'connecting' | 'live' | 'reconnecting' | null
  nextAttemptAt: number | null
  /** After repeated stream failures this case is polled instead, until this time. */
  pollFallbackUntil: number | null
  pollFallbacks: number
  nextPollAt: number
  /** Last time Veridox confirmed this case's state (an event, heartbeat, list page, snapshot or poll). */
  lastFreshAt: number
  /** Found by the last list sweep; otherwise it is checked with GET /cases/{id}. */
  isLocated: boolean
  wasSwept: boolean
  snapshotWanted: SnapshotReason | null
  nextSnapshotAt: number
  badResponses: number
  finalizeDeadline: number | null
  settleAttempts: number
}

const restoredState = (restored: PersistedCase): CaseState => ({
  label: restored.label,
  files: restored.files,
  isComplete: restored.isComplete,
  completedAt: restored.completedAt,
})

export function createTrackedCase(caseId: string, now: number, restored?: PersistedCase): TrackedCase {
  const wasCompleted = restored?.lastState === 'completed'
  return {
    caseId,
    addedAt: restored?.addedAt ?? now,
    isPinned: restored?.isPinned ?? false,
    isVisible: false,
    state: restored ? restoredState(restored) : emptyCaseState,
    lastEventId: restored?.lastEventId ?? null,
    isStale: restored !== undefined && !wasCompleted,
    terminal: wasCompleted ? 'completed' : null,
    problem: null,
    updatedAt: now,
    session: null,
    streamGeneration: 0,
    noStreamUntil: 0,
    streamStatus: null,
    nextAttemptAt: null,
    pollFallbackUntil: null,
    pollFallbacks: 0,
    nextPollAt: 0,
    lastFreshAt: 0,
    isLocated: false,
    wasSwept: false,
    snapshotWanted: restored ? (wasCompleted && !isCaseSettled(restoredState(restored)) ? 'settle' : null) : 'added',
    nextSnapshotAt: 0,
    badResponses: 0,
    finalizeDeadline: null,
    settleAttempts: 0,
  }
}

export interface MonitorConditions {
  isKeyRejected: boolean
  isOffline: boolean
  isPolled(tracked: TrackedCase): boolean
}

export function watchStateOf(tracked: TrackedCase, conditions: MonitorConditions): WatchState {
  if (tracked.terminal) return tracked.terminal
  if (conditions.isKeyRejected) return 'unauthorized'
  if (conditions.isOffline) return 'offline'
  if (tracked.streamStatus) return tracked.streamStatus
  if (conditions.isPolled(tracked) || tracked.lastFreshAt > 0) return 'polling'
  return 'connecting'
}

export function followModeOf(tracked: TrackedCase, conditions: MonitorConditions): FollowMode | null {
  if (tracked.terminal || conditions.isKeyRejected || conditions.isOffline) return null
  if (tracked.session) return 'stream'
  return conditions.isPolled(tracked) ? 'poll' : 'list'
}

export function toCaseView(tracked: TrackedCase, conditions: MonitorConditions): CaseView {
  const state = watchStateOf(tracked, conditions)
  return {
    caseId: tracked.caseId,
    label: tracked.state.label,
    state,
    followedBy: followModeOf(tracked, conditions),
    progress: overallProgress(tracked.state),
    files: tracked.state.files.slice(),
    risk: caseRisk(tracked.state),
    completedAt: tracked.state.isComplete ? tracked.state.completedAt : null,
    nextAttemptAt: state === 'reconnecting' ? tracked.nextAttemptAt : null,
    isStale: tracked.isStale,
    isPinned: tracked.isPinned,
    problem: state === 'unauthorized' ? { code: 'key_rejected', message: 'Veridox rejected the API key.' } : tracked.problem,
    addedAt: tracked.addedAt,
    updatedAt: tracked.updatedAt,
  }
}

export function toPersistedCase(tracked: TrackedCase, conditions: MonitorConditions): PersistedCase {
  return {
    caseId: tracked.caseId,
    addedAt: tracked.addedAt,
    isPinned: tracked.isPinned,
    lastEventId: tracked.lastEventId,
    label: tracked.state.label,
    files: tracked.state.files.slice(),
    isComplete: tracked.state.isComplete,
    completedAt: tracked.state.completedAt,
    lastState: watchStateOf(tracked, conditions),
  }
}
