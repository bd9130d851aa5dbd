import { afterEach, describe, expect, it } from 'vitest'
import type { WatchState } from '../../shared/case-view'
import type { Simulator, SimulatorOptions } from '../../simulator'
import { completionBoundMs } from '../policy/completion-bound'
import { defaultMonitorTuning } from './monitor-tuning'
import {
  fastTuning,
  openTestMonitor,
  sleep,
  startTestSimulator,
  tempStateDir,
  testLimits,
  waitFor,
  type MonitorHarness,
} from './monitor-test-kit'

let simulator: Simulator
const harnesses: MonitorHarness[] = []

afterEach(async () => {
  harnesses.splice(0).forEach((harness) => harness.monitor.dispose())
  await simulator?.close()
})

async function setUp(options: SimulatorOptions = {}, fileCount = 2) {
  simulator = await startTestSimulator(options)
  const created = simulator.control.createCase({ label: 'Claim', fileLabels: Array.from({ length: fileCount }, (_, i) => `f${i}.pdf`) })
  return created.caseId
}

function follow(caseId: string, options: Parameters<typeof openTestMonitor>[1] = {}) {
  const harness = openTestMonitor(simulator, options)
  harnesses.push(harness)
  const states: WatchState[] = []
  const modes = new Set<string | null>()
  harness.monitor.onChanged((id) => {
    const view = harness.monitor.view(id)
    if (id !== caseId || !view) return
    if (states.at(-1) !== view.state) states.push(view.state)
    modes.add(view.followedBy)
  })
  harness.monitor.watch([caseId])
  return { ...harness, states, modes }
}

const completedOnce = async (harness: MonitorHarness, caseId: string, timeoutMs = 15_000) => {
  await waitFor(() => harness.announcements.length > 0, timeoutMs, `completion of ${caseId}`)
  await sleep(400)
  expect(harness.announcements.map((a) => a.caseId)).toEqual([caseId])
  expect(harness.monitor.view(caseId)!.state).toBe('completed')
}

describe('never miss a completion', () => {
  it('reconnects after dropped streams, resumes with Last-Event-ID and announces once', async () => {
    const caseId = await setUp({ analysisMs: 1_500 })
    simulator.control.setFaults({ faults: [{ kind: 'drop-stream', afterEvents: 3, count: 3 }] })
    const run = follow(caseId)
    await completedOnce(run, caseId)
    expect(run.states).toContain('reconnecting')
    expect(simulator.control.stats().faultsFired['drop-stream']).toBe(3)
  })

  it('detects a silent, half-open stream with the watchdog and reconnects', async () => {
    const caseId = await setUp({ analysisMs: 1_500 })
    simulator.control.setFaults({ faults: [{ kind: 'stall-stream', stallMs: 60_000, afterEvents: 2, count: 1 }] })
    const run = follow(caseId)
    await completedOnce(run, caseId)
    expect(run.states).toContain('reconnecting')
  })

  it('falls back to polling when a proxy answers the stream with an HTML page', async () => {
    const caseId = await setUp({ analysisMs: 1_000 })
    simulator.control.setFaults({ faults: [{ kind: 'html-page', routes: ['stream'] }] })
    const run = follow(caseId)
    await completedOnce(run, caseId)
    expect(run.modes).toContain('poll')
    expect(run.logLines.join('\n')).toMatch(/a proxy interfered with one case’s stream/)
  })

  it('falls back to polling when a buffering proxy holds the stream back', async () => {
    const caseId = await setUp({ analysisMs: 2_500 })
    simulator.control.setFaults({ faults: [{ kind: 'buffer-stream', flushAtKb: 0 }] })
    const run = follow(caseId)
    await completedOnce(run, caseId, 20_000)
    expect(run.modes).toContain('poll')
  })

  it('polls a case whose stream keeps failing with server errors, then completes it', async () => {
    const caseId = await setUp({ analysisMs: 1_500 })
    simulator.control.setFaults({ faults: [{ kind: 'server-error', status: 502, routes: ['stream'] }] })
    const run = follow(caseId)
    await completedOnce(run, caseId)
    expect(run.modes).toContain('poll')
    expect(run.states).toContain('reconnecting')
  })

  it('honours Retry-After on 429 bursts: nothing more on that route until it has passed; still completes', async () => {
    const caseId = await setUp({ analysisMs: 800 })
    simulator.control.setFaults({ faults: [{ kind: 'rate-limit', retryAfterSeconds: 1, routes: ['get', 'list'], count: 3 }] })
    const sent: { route: 'get' | 'list'; at: number; status: number }[] = []
    const recordingFetch: typeof fetch = async (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input))
      const route = url.pathname === '/cases' ? 'list' : /^\/cases\/[^/]+$/.test(url.pathname) ? 'get' : null
      const at = Date.now()
      const response = await fetch(input, init)
      if (route) sent.push({ route, at, status: response.status })
      return response
    }
    const run = follow(caseId, { fetch: recordingFetch })
    await completedOnce(run, caseId)
    const limited = sent.filter((request) => request.status === 429)
    expect(limited).toHaveLength(3)
    for (const answer of limited) {
      const next = sent.find((request) => request.route === answer.route && request.at > answer.at)
      if (next) expect(next.at - answer.at).toBeGreaterThanOrEqual(1_000)
    }
  })

  it('accepts streams whose events carry their type only inside the data', async () => {
    const caseId = await setUp({ framing: 'data-only' })
    const run = follow(caseId)
    await completedOnce(run, caseId)
    expect(run.states).toContain('live')
  })

  it('copes with a slow first byte', async () => {
    const caseId = await setUp({ analysisMs: 600 })
    simulator.control.setFaults({ faults: [{ kind: 'slow-first-byte', delayMs: 200, routes: ['stream'], count: 2 }] })
    const run = follow(caseId)
    await completedOnce(run, caseId)
  })

  it('marks a case deleted mid-analysis not_found', async () => {
    const caseId = await setUp({ analysisMs: 5_000 })
    const run = follow(caseId)
    await waitFor(() => run.monitor.view(caseId)!.state === 'live', 5_000, 'live')
    simulator.control.deleteCase(caseId)
    await waitFor(() => run.monitor.view(caseId)!.state === 'not_found', 8_000, 'not_found')
    expect(run.announcements).toEqual([])
  })

  it('stops everything once when the key is revoked mid-stream', async () => {
    const caseId = await setUp({ analysisMs: 5_000 })
    const run = follow(caseId)
    await waitFor(() => run.monitor.view(caseId)!.state === 'live', 5_000, 'live')
    simulator.control.revokeKey('vdx_simulator')
    await waitFor(() => run.monitor.view(caseId)!.state === 'unauthorized', 8_000, 'unauthorized')
    const requestsThen = JSON.stringify(simulator.control.stats().requestsByRoute)
    await sleep(800)
    expect(JSON.stringify(simulator.control.stats().requestsByRoute)).toBe(requestsThen)
  })
})

describe('offline, sleep and restart', () => {
  it('goes quiet while offline and catches up when the network returns', async () => {
    const caseId = await setUp({ analysisMs: 1_000 })
    const run = follow(caseId)
    await waitFor(() => run.monitor.view(caseId)!.state === 'live', 5_000, 'live')
    run.monitor.setReachable(false)
    expect(run.monitor.view(caseId)!.state).toBe('offline')
    await sleep(100)
    const requestsThen = JSON.stringify(simulator.control.stats().requestsByRoute)
    simulator.control.completeCaseNow(caseId)
    await sleep(600)
    expect(JSON.stringify(simulator.control.stats().requestsByRoute)).toBe(requestsThen)
    expect(run.announcements).toEqual([])
    run.monitor.setReachable(true)
    await completedOnce(run, caseId)
  })

  it('announces a completion that happened while the app was closed exactly once, across restarts', async () => {
    const caseId = await setUp({ analysisMs: 5_000 })
    const stateDir = tempStateDir()
    const first = follow(caseId, { stateDir })
    await waitFor(() => (first.monitor.view(caseId)?.progress ?? 0) > 0, 5_000, 'some progress')
    first.monitor.dispose()
    simulator.control.completeCaseNow(caseId)

    const second = openTestMonitor(simulator, { stateDir })
    harnesses.push(second)
    const restored = second.monitor.view(caseId)!
    expect(restored.isStale).toBe(true)
    expect(restored.progress).toBeGreaterThan(0)
    await completedOnce(second, caseId)
    expect(second.monitor.view(caseId)!.isStale).toBe(false)
    second.monitor.dispose()

    const third = openTestMonitor(simulator, { stateDir })
    harnesses.push(third)
    expect(third.monitor.view(caseId)!.state).toBe('completed')
    await sleep(800)
    expect(third.announcements).toEqual([])
  })
})

describe('the rate budget', () => {
  it('never holds more streams than allowed and gives pinned cases a stream first', async () => {
    simulator = await startTestSimulator({ analysisMs: 2_000 })
    const cases = Array.from(
      { length: 25 },
      (_, i) => simulator.control.createCase({ label: `Bulk ${i}`, fileLabels: ['a.pdf'], fileDurationsMs: [3_000 + i * 100] }).caseId,
    )
    const harness = openTestMonitor(simulator, {
      limits: { streamsPerKey: 4, pollsPerHour: 36_000, listPerMin: 30, getPerMin: 60, createPerMin: 10 },
    })
    harnesses.push(harness)
    const { monitor } = harness
    // Added together and all in analysis, the cases are ranked by ID: without its pin this one comes last.
    const pinned = cases.at(-1)!
    monitor.watch(cases)
    await waitFor(() => monitor.stats().streaming === 4, 3_000, 'the slots to fill')
    expect(monitor.view(pinned)!.followedBy).not.toBe('stream')
    monitor.setPinned(pinned, true)
    await waitFor(() => monitor.view(pinned)!.followedBy === 'stream', 3_000, 'the pinned case to stream')
    // It keeps its slot, ahead of every unpinned case, until it completes.
    while (monitor.view(pinned)!.completedAt === null) {
      expect(monitor.view(pinned)!.followedBy).toBe('stream')
      expect(monitor.stats().streaming).toBeLessThanOrEqual(4)
      await sleep(100)
    }
    await waitFor(() => harness.announcements.length === cases.length, 30_000, 'every completion')
    const stats = simulator.control.stats()
    expect(stats.peakStreamsByKey.vdx_simulator).toBeLessThanOrEqual(4)
    expect(stats.tooManyRequests.total).toBe(0)
    expect(new Set(harness.announcements.map((a) => a.caseId)).size).toBe(cases.length)
  })
})

describe('the completion bound', () => {
  it('sees every completion of cases without a stream within the bound derived from the limits', async () => {
    simulator = await startTestSimulator()
    const limits = { ...testLimits, streamsPerKey: 0 }
    const tuning = { ...defaultMonitorTuning, ...fastTuning }
    const bound = completionBoundMs({ tuning, limits, pages: 1 })
    const cases = Array.from(
      { length: 20 },
      (_, i) => simulator.control.createCase({ label: `Unstreamed ${i}`, fileLabels: ['a.pdf'], fileDurationsMs: [500 + i * 250] }).caseId,
    )
    const harness = openTestMonitor(simulator, { limits })
    harnesses.push(harness)
    const announcedAt = new Map<string, number>()
    harness.monitor.onAnnounced((announcement) => announcedAt.set(announcement.caseId, Date.now()))
    harness.monitor.watch(cases)
    await waitFor(() => announcedAt.size === cases.length, 40_000, 'every completion')
    expect(simulator.control.stats().streamsOpened).toBe(0)
    for (const caseId of cases) {
      const details = simulator.control.caseDetails(caseId) as { file_analysis_completed_at: string }
      const latency = announcedAt.get(caseId)! - Date.parse(details.file_analysis_completed_at)
      expect(latency).toBeLessThanOrEqual(bound)
    }
    expect(simulator.control.stats().tooManyRequests.total).toBe(0)
  })
})
