import type { CaseView, WatchState } from '../../shared/case-view'
import { caseRisk, overallProgress } from '../case-state/case-state'
import type { CaseFacts } from './case-record'
import type { Transport } from './stream-planner'
import type { PersistedCase } from './watch-persistence'

/** What holds for every case on the key at once. */
export interface AccountConditions {
  isKeyRejected: boolean
  /** The system says the network is gone or the machine sleeps, or requests themselves show an outage. */
  isOffline: boolean
  /** The analyst paused all watching. */
  isPaused: boolean
}

export function watchStateOf(facts: CaseFacts, transport: Transport, conditions: AccountConditions): WatchState {
  if (facts.terminal) return facts.terminal
  if (conditions.isKeyRejected) return 'unauthorized'
  if (conditions.isPaused) return 'paused'
  if (conditions.isOffline) return 'offline'
  if (transport.status) return transport.status
  if (transport.isPolled || facts.lastFreshAt > 0) return 'polling'
  return 'connecting'
}

function followedBy(facts: CaseFacts, transport: Transport, conditions: AccountConditions): CaseView['followedBy'] {
  if (facts.terminal || conditions.isKeyRejected || conditions.isPaused || conditions.isOffline) return null
  if (transport.status) return 'stream'
  return transport.isPolled ? 'poll' : 'list'
}

export function toCaseView(facts: CaseFacts, transport: Transport, conditions: AccountConditions): CaseView {
  const state = watchStateOf(facts, transport, conditions)
  const problem =
    state === 'unauthorized'
      ? ({ code: 'key_rejected', message: 'Veridox rejected the API key.' } as const)
      : facts.terminal
        ? facts.problem
        : (transport.problem ?? facts.problem)
  return {
    caseId: facts.caseId,
    label: facts.state.label,
    state,
    followedBy: followedBy(facts, transport, conditions),
    progress: overallProgress(facts.state),
    files: facts.state.files.slice(),
    risk: caseRisk(facts.state),
    completedAt: facts.state.isComplete ? facts.state.completedAt : null,
    nextAttemptAt: state === 'reconnecting' ? transport.nextAttemptAt : null,
    isStale: facts.isStale,
    isPinned: facts.isPinned,
    isMuted: facts.isMuted,
    problem,
    addedAt: facts.addedAt,
    updatedAt: facts.updatedAt,
    hasFileList: facts.state.hasFileList,
    isUnseen: facts.isUnseen,
    confirmedAt: facts.lastFreshAt > 0 ? facts.lastFreshAt : null,
    localLabel: facts.localLabel,
  }
}

export function toPersistedCase(facts: CaseFacts, lastState: WatchState): PersistedCase {
  return {
    caseId: facts.caseId,
    addedAt: facts.addedAt,
    isPinned: facts.isPinned,
    lastEventId: facts.lastEventId,
    label: facts.state.label,
    files: facts.state.files.slice(),
    isComplete: facts.state.isComplete,
    completedAt: facts.state.completedAt,
    hasFileList: facts.state.hasFileList,
    lastState,
    isMuted: facts.isMuted,
    unreachableNotice: facts.unreachableNotice,
    isUnseen: facts.isUnseen,
    localLabel: facts.localLabel,
  }
}
