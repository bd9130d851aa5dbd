import type { ErrorCode } from './errors'

/** How the app is following one case right now. */
export const watchStates = [
  'connecting',
  'live',
  'reconnecting',
  'polling',
  'offline',
  'paused',
  'completed',
  'failed',
  'not_found',
  'unauthorized',
] as const
export type WatchState = (typeof watchStates)[number]

// Veridox risk tiers (docs/veridox-api.md §4.5). The wire casing varies, so it is normalised to lower case.
export const riskLevels = ['informational', 'low', 'medium', 'high'] as const
export type RiskLevel = (typeof riskLevels)[number]

export function mostSevereRisk(levels: Iterable<RiskLevel | null>): RiskLevel | null {
  let worst: RiskLevel | null = null
  for (const level of levels) {
    if (level !== null && (worst === null || riskLevels.indexOf(level) > riskLevels.indexOf(worst))) worst = level
  }
  return worst
}

/** waiting_for_upload → waiting, processing → processing, settled → success | failed. */
export const fileStatuses = ['waiting', 'processing', 'success', 'failed'] as const
export type FileStatus = (typeof fileStatuses)[number]

export interface StageSeen {
  stage: string
  /** When the app first learnt the file was in this stage (epoch ms). */
  at: number
}

/** Epoch ms; null when unknown (a file first seen already settled has no settling time). */
export interface FileTimeline {
  uploadedAt: number | null
  /** In time order, capped. */
  stages: StageSeen[]
  settledAt: number | null
}

export interface FileView {
  fileId: string
  label: string
  stage: string | null
  /** 0–100; null while the file is being analysed but no stream or poll reports its progress. */
  progress: number | null
  status: FileStatus
  risk: RiskLevel | null
  /** Why Veridox says a failed file failed, in its words (capped); null otherwise or when it did not say. */
  failureReason: string | null
  timeline: FileTimeline
}

export interface CaseProblem {
  code: ErrorCode
  message: string
}

export interface CaseView {
  caseId: string
  label: string | null
  state: WatchState
  /** How the case is being followed: a live stream, the poll endpoint, or paged case listings. */
  followedBy: 'stream' | 'poll' | 'list' | null
  /** 0–100, the mean of the files' progress; null while that is not known (no live progress for this case). */
  progress: number | null
  files: FileView[]
  /** The most severe file risk, once known. */
  risk: RiskLevel | null
  /** When Veridox says the case finished (epoch ms), once known. */
  completedAt: number | null
  /** While reconnecting: when the next attempt is due (epoch ms). */
  nextAttemptAt: number | null
  /** Restored from disk and not yet confirmed by Veridox since the app started. */
  isStale: boolean
  isPinned: boolean
  /** No pop-ups for this case; it still shows here and counts in the tray. */
  isMuted: boolean
  problem: CaseProblem | null
  /** When the analyst started watching (epoch ms). */
  addedAt: number
  /** When anything about the case last changed (epoch ms). */
  updatedAt: number
  /** Veridox has listed the case's files (possibly none yet); until then `files` holds only those events named. */
  hasFileList: boolean
  /** Completed and not yet opened by the analyst (nor marked seen). */
  isUnseen: boolean
  /** When Veridox last confirmed this case's state (epoch ms; at most a minute behind), null when not since the app started. */
  confirmedAt: number | null
  /** The analyst's own name for the case, kept on this computer only; shown instead of Veridox's label. */
  localLabel: string | null
}
