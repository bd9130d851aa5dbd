import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openMonitor as openCaseMonitor, type CaseMonitor } from '../../src/core/monitor/case-monitor'
import { defaultMonitorTuning, type MonitorTuning } from '../../src/core/monitor/monitor-tuning'
import { defaultStreamTuning } from '../../src/core/monitor/stream-session'
import { openConfDocument } from '../../src/core/persistence/conf-document'
import { documentedLimits } from '../../src/core/policy/limits'
import { seededRandom, systemClock } from '../../src/core/runtime/clock'
import { silentLog } from '../../src/core/runtime/log'
import { createVeridoxClient } from '../../src/core/veridox/veridox-client'
import { startSimulator } from '../../src/simulator'
import { createChaosPlan, type ChaosAction } from './chaos-actions'
import { buildSoakReport, mismatchOf, type Announcement, type SimulatorCase, type SoakReport } from './soak-report'
import type { SoakConfig } from './soak-config'

const apiKey = 'vdx_simulator'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The production tuning, with timings scaled down for the short soak so it fits in a test run. */
function tuningFor(config: SoakConfig): Partial<MonitorTuning> {
  if (config.name !== 'short') return {}
  return {
    stream: { ...defaultStreamTuning, backoff: { floorMs: 500, capMs: 8_000 }, healthyAfterMs: 8_000 },
    sweepIntervalMs: 4_000,
    pollFallbackMs: 15_000,
    pollFallbackMaxMs: 30_000,
    proxy: { ...defaultMonitorTuning.proxy, canaryIntervalMs: 15_000 },
    finalizeTimeoutMs: 6_000,
    reconnectSpreadMs: 1_500,
    snapshotRetryMs: 2_000,
  }
}

export async function runChaosSoak(config: SoakConfig, progress: (line: string) => void = () => undefined): Promise<SoakReport> {
  const random = seededRandom(config.seed)
  const between = ([low, high]: [number, number]) => Math.round(low + random() * (high - low))
  const simulator = await startSimulator({ seed: config.seed, heartbeatMs: config.name === 'short' ? 1_000 : 15_000, retryMs: 1_000 })
  const stateDir = mkdtempSync(join(tmpdir(), 'case-monitor-soak-'))
  const announcements: Announcement[] = []
  const created: string[] = []
  const deleted = new Set<string>()
  const actionCounts: Record<string, number> = {}
  let isNetworkDown = false
  let isBusyOffline = false
  let monitor: CaseMonitor | null = null
  let restarts = 0

  // The network as the client sees it: during an outage every new request fails like a pulled cable.
  const chaosFetch: typeof fetch = (input, init) =>
    isNetworkDown ? Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENETUNREACH' } })) : fetch(input, init)

  const document = (name: string) => openConfDocument({ directory: stateDir, name, log: silentLog, now: Date.now })
  function openMonitor(): CaseMonitor {
    const opened = openCaseMonitor({
      client: createVeridoxClient({ baseUrl: simulator.baseUrl, credential: { kind: 'api_key', secret: apiKey }, fetch: chaosFetch }),
      clock: systemClock,
      log: silentLog,
      storage: { watchList: document('watch-list'), ledger: document('completion-ledger') },
      limits: documentedLimits,
      tuning: tuningFor(config),
    })
    opened.onAnnounced((announcement) => announcements.push({ caseId: announcement.caseId, at: Date.now() }))
    // An analyst re-adds nothing by hand after a restart: the saved list comes back; cases created meanwhile are added now.
    opened.watch(created.filter((caseId) => !opened.has(caseId)))
    return opened
  }

  async function perform(action: ChaosAction): Promise<void> {
    const name = action.kind === 'fault' ? action.fault.kind : action.kind
    actionCounts[name] = (actionCounts[name] ?? 0) + 1
    if (action.kind === 'fault') {
      simulator.control.addFaults({ faults: [action.fault] })
      return
    }
    isBusyOffline = true
    try {
      if (action.kind === 'offline') {
        isNetworkDown = true
        monitor?.setReachable(false)
        await sleep(action.ms)
        isNetworkDown = false
        monitor?.setReachable(true)
      } else if (action.kind === 'silent-outage') {
        // No signal from the OS: open streams go quiet (half-open sockets) and new requests fail.
        isNetworkDown = true
        simulator.control.addFaults({ faults: [{ kind: 'stall-stream', stallMs: action.ms, afterEvents: 0, durationMs: action.ms }] })
        await sleep(action.ms)
        isNetworkDown = false
      } else {
        monitor?.dispose()
        monitor = null
        restarts += 1
        await sleep(action.downMs)
        monitor = openMonitor()
      }
    } finally {
      isBusyOffline = false
    }
  }

  const started = Date.now()
  monitor = openMonitor()
  const arrivals = (async () => {
    for (let i = 0; i < config.cases; i++) {
      await sleep(config.arrivalMs / config.cases)
      const fileCount = between(config.filesPerCase)
      const { caseId } = simulator.control.createCase({
        label: `Soak case ${String(i + 1).padStart(3, '0')}`,
        fileDurationsMs: Array.from({ length: fileCount }, () => between(config.fileDurationMs)),
        fileLabels: Array.from({ length: fileCount }, (_, f) => `document-${f + 1}.pdf`),
        outcomes: Array.from({ length: fileCount }, () => (random() < 0.1 ? 'failed' : 'success')),
      })
      created.push(caseId)
      monitor?.watch([caseId])
      if (deleted.size < config.deletedCases && random() < (config.deletedCases * 2) / config.cases) {
        setTimeout(() => {
          deleted.add(caseId)
          simulator.control.deleteCase(caseId)
        }, 1_000)
      }
    }
  })()

  const chaos = (async () => {
    const pending: Promise<void>[] = []
    const nextAction = createChaosPlan(random)
    while (Date.now() - started < config.chaosMs) {
      await sleep(config.chaosEveryMs * (0.5 + random()))
      const action = nextAction(between(config.chaosActionMs), created, isBusyOffline)
      progress(`${((Date.now() - started) / 1000).toFixed(0)} s: ${action.kind === 'fault' ? action.fault.kind : action.kind}`)
      pending.push(perform(action))
    }
    await Promise.all(pending)
  })()

  await Promise.all([arrivals, chaos])
  simulator.control.clearFaults()
  isNetworkDown = false
  monitor ??= openMonitor()

  // Done when every completion was announced and the app's view of every case agrees with the simulator.
  const isDone = () =>
    created.every(
      (caseId) =>
        (deleted.has(caseId) || announcements.some((a) => a.caseId === caseId)) &&
        mismatchOf(caseId, monitor!.view(caseId), simulator.control.caseDetails(caseId) as SimulatorCase | null, deleted.has(caseId)) ===
          null,
    )
  const settleStarted = Date.now()
  while (!isDone() && Date.now() - settleStarted < config.settleMs) await sleep(250)
  await sleep(1_500)

  const report = buildSoakReport({
    config,
    created,
    deleted,
    announcements,
    finalView: (caseId) => monitor!.view(caseId),
    simulatorCase: (caseId) => simulator.control.caseDetails(caseId),
    stats: simulator.control.stats(),
    apiKey,
    streamLimit: documentedLimits.streamsPerKey,
    actionCounts,
    restarts,
    durationMs: Date.now() - started,
  })
  monitor.dispose()
  await simulator.close()
  return report
}
