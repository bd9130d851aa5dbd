import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator'
import { openConfDocument } from '../persistence/conf-document'
import { createMemoryDocument } from '../persistence/memory-document'
import type { VeridoxLimits } from '../policy/limits'
import { systemClock } from '../runtime/clock'
import { silentLog, type Log } from '../runtime/log'
import { createVeridoxClient } from '../veridox/veridox-client'
import { createCaseMonitor, type CaseMonitor, type CompletionAnnouncement } from './case-monitor'
import { openCompletionLedger } from './completion-ledger'
import type { MonitorTuning } from './monitor-context'
import { createWatchPersistence } from './watch-persistence'

/** Timings scaled down so the real policy runs in a test's time; the shape of every rule is unchanged. */
export const fastTuning: Partial<MonitorTuning> = {
  stream: { backoff: { floorMs: 50, capMs: 400 }, heartbeatMs: 150, silenceFactor: 2.5, healthyAfterMs: 1_500, failuresBeforeFallback: 3 },
  sweepIntervalMs: 300,
  pollIntervalMs: 100,
  pollFallbackMs: 2_000,
  pollFallbackMaxMs: 4_000,
  streamsBlockedRetryMs: 3_000,
  finalizeTimeoutMs: 2_000,
  reconnectSpreadMs: 100,
  snapshotRetryMs: 200,
}

/** The documented limits, except polls, whose hourly budget would pace a test at one poll per 6.7 s. */
export const testLimits: VeridoxLimits = { streamsPerKey: 10, pollsPerHour: 36_000, listPerMin: 30, getPerMin: 60, createPerMin: 10 }

export function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ analysisMs: 400, heartbeatMs: 100, retryMs: 50, limits: { pollsPerHour: testLimits.pollsPerHour }, ...options })
}

export interface MonitorHarness {
  monitor: CaseMonitor
  announcements: CompletionAnnouncement[]
  logLines: string[]
}

export function openTestMonitor(
  simulator: Simulator,
  options: { apiKey?: string; stateDir?: string; tuning?: Partial<MonitorTuning>; limits?: VeridoxLimits } = {},
): MonitorHarness {
  const apiKey = options.apiKey ?? 'vdx_simulator'
  const logLines: string[] = []
  const log: Log = (level, message, fields) => logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`)
  const document = (name: string) =>
    options.stateDir ? openConfDocument({ directory: options.stateDir, name, log: silentLog, now: Date.now }) : createMemoryDocument()
  const monitor = createCaseMonitor({
    client: createVeridoxClient({ baseUrl: simulator.baseUrl, apiKey, fetch }),
    apiKey,
    fetch,
    clock: systemClock,
    log,
    ledger: openCompletionLedger(document('ledger'), log),
    persistence: createWatchPersistence({ document: document('watch'), clock: systemClock, log, saveIntervalMs: 50 }),
    limits: options.limits ?? testLimits,
    tuning: { ...fastTuning, ...options.tuning },
  })
  const announcements: CompletionAnnouncement[] = []
  monitor.onAnnounced((announcement) => announcements.push(announcement))
  return { monitor, announcements, logLines }
}

export const tempStateDir = (): string => mkdtempSync(join(tmpdir(), 'case-monitor-state-'))

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
