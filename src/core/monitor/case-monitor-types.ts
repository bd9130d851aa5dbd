import type { CaseView, RiskLevel } from '../../shared/case-view'
import type { VeridoxLimits } from '../policy/limits'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { Fetch, VeridoxClient } from '../veridox/veridox-client'
import type { CompletionLedger } from './completion-ledger'
import type { MonitorTuning } from './monitor-context'
import type { WatchPersistence } from './watch-persistence'

export interface CompletionAnnouncement {
  caseId: string
  label: string | null
  risk: RiskLevel | null
  fileCount: number
  failedFileCount: number
  completedAt: number
}

export interface CaseMonitorOptions {
  client: VeridoxClient
  apiKey: string
  fetch: Fetch
  clock: Clock
  log: Log
  ledger: CompletionLedger
  persistence?: WatchPersistence | null
  limits?: VeridoxLimits
  tuning?: Partial<MonitorTuning>
}

export interface MonitorStats {
  watched: number
  streaming: number
  polled: number
  requestsInWindow: Record<'list' | 'get' | 'poll', number>
}

export interface CaseMonitor {
  watch(caseIds: readonly string[]): void
  unwatch(caseId: string): boolean
  setPinned(caseId: string, isPinned: boolean): boolean
  setVisible(caseIds: readonly string[]): void
  retry(caseId: string): boolean
  /** The network went away or the machine slept (false), or both came back (true). */
  setReachable(isReachable: boolean): void
  has(caseId: string): boolean
  view(caseId: string): CaseView | null
  views(): CaseView[]
  onChanged(listener: (caseId: string) => void): () => void
  onRemoved(listener: (caseId: string) => void): () => void
  onAnnounced(listener: (announcement: CompletionAnnouncement) => void): () => void
  onKeyRejected(listener: () => void): () => void
  readonly isKeyRejected: boolean
  stats(): MonitorStats
  dispose(): void
}
