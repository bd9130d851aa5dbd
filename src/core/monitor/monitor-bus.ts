import type { SnapshotReason } from '../policy/request-priority'
import type { RequestScheduler } from '../policy/request-scheduler'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { ParsedMessage } from '../veridox/progress-event'
import type { PollPage, VeridoxClient } from '../veridox/veridox-client'
import type { VeridoxError } from '../veridox/veridox-error'
import type { CaseDetails, CaseListItem } from '../veridox/wire-schemas'
import type { CompletionAnnouncement, UnreachableCase } from './case-monitor-types'
import type { CaseFacts } from './case-record'
import type { MonitorTuning } from './monitor-tuning'

/** What Veridox said about one case (caseId null: about the account), however it was asked. */
export type VeridoxAnswer =
  | { kind: 'stream-message'; caseId: string; message: ParsedMessage }
  | { kind: 'stream-live'; caseId: string }
  | { kind: 'snapshot'; caseId: string; details: CaseDetails }
  | { kind: 'list-item'; caseId: string; item: CaseListItem }
  | { kind: 'poll-page'; caseId: string; page: PollPage }
  | { kind: 'failed'; caseId: string | null; error: unknown }

/**
 * The named facts the monitor's modules tell each other. A module reports what happened; the case
 * monitor's one subscription table (case-monitor.ts) decides who reacts, and `planChanged` is the
 * only way to ask for the pass that decides what runs next.
 */
export interface MonitorEvents {
  answered: VeridoxAnswer
  snapshotWanted: { caseId: string; reason: SnapshotReason; at: number }
  caseChanged: string
  planChanged: undefined
  announced: CompletionAnnouncement
  /** An answer refused the key (401, 403). */
  keyRefused: VeridoxError
  /** The account stopped: the key is rejected for every case, once. */
  keyRejected: undefined
  unreachable: UnreachableCase
  /** Something that holds for the whole key changed: offline, paused, key rejected, streams blocked. */
  accountChanged: undefined
}

/** What the modules that ask Veridox (reconciler, poller) are given. */
export interface FetcherDependencies {
  client: VeridoxClient
  scheduler: RequestScheduler
  clock: Clock
  tuning: MonitorTuning
  bus: MonitorBus
  records: ReadonlyMap<string, CaseFacts>
}

export interface MonitorBus {
  emit<K extends keyof MonitorEvents>(name: K, payload: MonitorEvents[K]): void
  on<K extends keyof MonitorEvents>(name: K, listener: (payload: MonitorEvents[K]) => void): () => void
}

export function createMonitorBus(log: Log): MonitorBus {
  const listeners = new Map<keyof MonitorEvents, Set<(payload: never) => void>>()
  return {
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) {
        try {
          ;(listener as (value: typeof payload) => void)(payload)
        } catch (error) {
          // One listener's bug (the CLI's printer, the app's batcher) must not stop the others or the monitor.
          log('error', 'a monitor listener failed', { event: name, reason: error instanceof Error ? error.name : 'unknown' })
        }
      }
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      set.add(listener as (payload: never) => void)
      return () => void set.delete(listener as (payload: never) => void)
    },
  }
}
