import { mkdtempSync } from 'node:fs'
import { afterEach } from 'vitest'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator'
import { openConfDocument } from '../persistence/conf-document'
import type { VeridoxLimits } from '../policy/limits'
import { systemClock } from '../runtime/clock'
import { silentLog, type Log } from '../runtime/log'
import { createVeridoxClient, type Fetch } from '../veridox/veridox-client'
import { openMonitor, type CaseMonitor, type CompletionAnnouncement } from './case-monitor'
import type { MonitorTuning } from './monitor-tuning'

/** Timings scaled down so the real policy runs in a test's time; the shape of every rule is unchanged. */
export const fastTuning: Partial<MonitorTuning> = {
  stream: { backoff: { floorMs: 50, capMs: 400 }, heartbeatMs: 150, silenceFactor: 2.5, healthyAfterMs: 1_500, failuresBeforeFallback: 3 },
  outage: { failuresForOutage: 3, probeFloorMs: 100, probeCapMs: 400 },
  proxy: { casesForBlock: 2, evidenceWindowMs: 10_000, canaryIntervalMs: 1_000 },
  sweepIntervalMs: 300,
  pollIntervalMs: 100,
  pollFallbackMs: 2_000,
  pollFallbackMaxMs: 4_000,
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
  options: { apiKey?: string; stateDir?: string; tuning?: Partial<MonitorTuning>; limits?: VeridoxLimits; fetch?: Fetch } = {},
): MonitorHarness {
  const apiKey = options.apiKey ?? 'vdx_simulator'
  const logLines: string[] = []
  const log: Log = (level, message, fields) => logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`)
  const document = (name: string) => openConfDocument({ directory: options.stateDir!, name, log: silentLog, now: Date.now })
  const monitor = openMonitor({
    client: createVeridoxClient({
      baseUrl: simulator.baseUrl,
      credential: { kind: 'api_key', secret: apiKey },
      fetch: options.fetch ?? fetch,
    }),
    clock: systemClock,
    log,
    storage: options.stateDir ? { watchList: document('watch'), ledger: document('ledger') } : null,
    limits: options.limits ?? testLimits,
    tuning: { ...fastTuning, ...options.tuning },
    saveIntervalMs: 50,
  })
  const announcements: CompletionAnnouncement[] = []
  monitor.onAnnounced((announcement) => announcements.push(announcement))
  return { monitor, announcements, logLines }
}

/** Every request the simulator answered so far, whatever the route. */
export const requestsReceived = (simulator: Simulator): number =>
  Object.values(simulator.control.stats().requestsByRoute).reduce((sum, count) => sum + (count ?? 0), 0)

export const tempStateDir = (): string => mkdtempSync(join(tmpdir(), 'case-monitor-state-'))

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** One simulator and one monitor per test, both closed after it. */
export function useMonitorRig() {
  let simulator: Simulator | null = null
  let harness: MonitorHarness | null = null
  afterEach(async () => {
    harness?.monitor.dispose()
    harness = null
    await simulator?.close()
    simulator = null
  })
  return {
    async startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
      simulator = await startTestSimulator(options)
      return simulator
    },
    openMonitor(options: Parameters<typeof openTestMonitor>[1] = {}): MonitorHarness {
      harness = openTestMonitor(simulator!, options)
      return harness
    },
  }
}
