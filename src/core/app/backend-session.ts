import type { BackendMode } from '../../shared/backend'
import type { Credential } from '../../shared/credential-rules'
import { openMonitor, type CaseMonitor } from '../monitor/case-monitor'
import type { MonitorTuning } from '../monitor/monitor-tuning'
import type { JsonDocument } from '../persistence/json-document'
import type { VeridoxLimits } from '../policy/limits'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import { createVeridoxClient, type Fetch, type VeridoxClient } from '../veridox/veridox-client'

export interface ProfileDocuments {
  watchList: JsonDocument
  ledger: JsonDocument
}

/** One backend (the embedded simulator, or a Veridox host with a key) and the monitor following it. */
export interface BackendSession {
  mode: BackendMode
  baseUrl: string
  client: VeridoxClient
  monitor: CaseMonitor
}

export function profileIdFor(baseUrl: string): string {
  return new URL(baseUrl).host.replace(/[^a-z0-9.-]/gi, '_')
}

export function openBackendSession(options: {
  mode: BackendMode
  baseUrl: string
  credential: Credential
  fetch: Fetch
  /** The SSE streams' fetch; `fetch` when absent (veridox-client.ts). */
  streamFetch?: Fetch
  clock: Clock
  log: Log
  /** Null keeps state in memory only (the simulator's demo data is fresh on every start). */
  documents: ProfileDocuments | null
  limits?: VeridoxLimits
  tuning?: Partial<MonitorTuning>
}): BackendSession {
  const { clock, log } = options
  const client = createVeridoxClient({
    baseUrl: options.baseUrl,
    credential: options.credential,
    fetch: options.fetch,
    streamFetch: options.streamFetch,
    now: clock.now,
  })
  const monitor = openMonitor({ client, clock, log, storage: options.documents, limits: options.limits, tuning: options.tuning })
  return { mode: options.mode, baseUrl: client.baseUrl, client, monitor }
}
