import type { CaseView } from '../case-view'

/** A live, streamed case with nothing known yet; tests override what they are about. */
export function caseViewFixture(overrides: Partial<CaseView> & Pick<CaseView, 'caseId'>): CaseView {
  return {
    label: null,
    state: 'live',
    followedBy: 'stream',
    progress: null,
    files: [],
    risk: null,
    completedAt: null,
    nextAttemptAt: null,
    isStale: false,
    isPinned: false,
    isMuted: false,
    problem: null,
    addedAt: 0,
    updatedAt: 0,
    hasFileList: false,
    isUnseen: false,
    confirmedAt: null,
    localLabel: null,
    ...overrides,
  }
}
