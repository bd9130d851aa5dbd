import type { RecentCasesAnswer } from '../../shared/recent-cases'
import type { CaseView, RiskLevel } from '../../shared/case-view'
import type { ConnectionView } from '../../shared/connection-view'
import type { Diagnostics } from '../../shared/diagnostics'
import type { JsonDocument } from '../persistence/json-document'
import type { VeridoxLimits } from '../policy/limits'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { VeridoxClient } from '../veridox/veridox-client'
import type { MonitorTuning } from './monitor-tuning'

export interface CompletionAnnouncement {
  caseId: string
  label: string | null
  risk: RiskLevel | null
  fileCount: number
  failedFileCount: number
  completedAt: number
  /** The analyst's own name for the case, when given. */
  localLabel?: string | null
}

/** A case Case Monitor can no longer follow: Veridox does not know it, or refused the key. */
export interface UnreachableCase {
  caseId: string
  label: string | null
  cause: UnreachableCause
  localLabel?: string | null
}
export type UnreachableCause = 'not_found' | 'deleted' | 'key_rejected'

export interface MonitorStorage {
  watchList: JsonDocument
  ledger: JsonDocument
}

export interface OpenMonitorOptions {
  /** Veridox for one key: REST calls and streams go through it, and only it holds the key. */
  client: VeridoxClient
  clock: Clock
  log: Log
  /** Null keeps the watch list and the ledger in memory (the simulator's demo data is fresh on every start). */
  storage: MonitorStorage | null
  limits?: VeridoxLimits
  tuning?: Partial<MonitorTuning>
  /** The analyst's changes reach the watch list within this; progress within ten times this (watch-persistence.ts). */
  saveIntervalMs?: number
}

export interface MonitorStats {
  watched: number
  streaming: number
  polled: number
  isOffline: boolean
  areStreamsBlocked: boolean
  requestsInWindow: Record<'list' | 'get' | 'poll', number>
}

export interface CaseMonitor {
  watch(caseIds: readonly string[]): void
  unwatch(caseId: string): boolean
  setPinned(caseId: string, isPinned: boolean): boolean
  /** False when the case is not watched. */
  setMuted(caseId: string, isMuted: boolean): boolean
  /** Completions the analyst opened or marked seen stop counting as new. */
  markSeen(caseIds: readonly string[]): void
  /** The analyst's own name for the case (already normalised), or null to clear it; false when the case is not watched. */
  setLocalLabel(caseId: string, localLabel: string | null): boolean
  /** A page of the account's cases, newest first, within the list budget the monitor's own sweeps share. */
  listRecentCases(offset: number): Promise<RecentCasesAnswer>
  setVisible(caseIds: readonly string[]): void
  retry(caseId: string): boolean
  /** The system says the network went away or the machine slept (false), or both came back (true). */
  setReachable(isReachable: boolean): void
  /** The analyst paused (true) or resumed all watching: while paused no stream is open and no request is sent. */
  setPaused(isPaused: boolean): void
  has(caseId: string): boolean
  view(caseId: string): CaseView | null
  views(): CaseView[]
  /** Once per change of a case's view, in order: several events arriving together are several changes. */
  onChanged(listener: (caseId: string) => void): () => void
  onRemoved(listener: (caseId: string) => void): () => void
  onAnnounced(listener: (announcement: CompletionAnnouncement) => void): () => void
  onKeyRejected(listener: () => void): () => void
  /** Once per case and cause, kept across restarts; told again only after the case was reached in between. */
  onUnreachable(listener: (problem: UnreachableCase) => void): () => void
  readonly isKeyRejected: boolean
  /** Announced but not yet shown (the app quit first, or the system refused the notification). */
  pendingAnnouncements(): CompletionAnnouncement[]
  /** The announcement was shown to the analyst. */
  acknowledge(caseId: string): void
  stats(): MonitorStats
  /** How Veridox is reached for the whole key, derived from the account's facts and the case views. */
  connection(): ConnectionView
  /** Something that holds for the whole key changed (a 429's block ending is not told: compare `until` with the clock). */
  onAccountChanged(listener: () => void): () => void
  /** The account's and each case's part of the diagnostics; the app adds which backend and when. */
  diagnostics(): Pick<Diagnostics, 'connection' | 'streams' | 'budgets' | 'cases'>
  dispose(): void
}
