import { describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { sleep, testLimits, useMonitorRig, waitFor } from './monitor-test-kit'

const rig = useMonitorRig()

// Generous get and list limits let the first look at every case finish at once; the counts, not the pace, are the point.
const roomyLimits = { ...testLimits, getPerMin: 6_000, listPerMin: 600, streamsPerKey: 0 }
const roomySimulator = { limits: { pollsPerHour: testLimits.pollsPerHour, getPerMin: 6_000, listPerMin: 600 } }

const listAndGet = (simulator: Simulator): number => {
  const byRoute = simulator.control.stats().requestsByRoute
  return (byRoute.list ?? 0) + (byRoute.get ?? 0)
}

function createWaitingCases(simulator: Simulator, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => simulator.control.createCase({ label: `Waiting ${i}`, fileLabels: ['id.pdf', 'payslip.pdf'], upload: false }).caseId,
  )
}

describe('the budget with cases that do not change', () => {
  it('spends no list or get request on cases waiting for upload between their quiet checks', async () => {
    const simulator = await rig.startSimulator(roomySimulator)
    const caseIds = createWaitingCases(simulator, 250)
    const { monitor } = rig.openMonitor({ limits: roomyLimits, tuning: { quietCheckIntervalMs: 60_000 } })
    monitor.watch(caseIds)
    await waitFor(() => monitor.views().every((view) => view.hasFileList && !view.isStale), 20_000, 'a first look at every case')

    const before = listAndGet(simulator)
    // Ten sweep intervals (300 ms in the test tuning): before, every one read the three list pages again.
    await sleep(3_000)
    expect(listAndGet(simulator) - before).toBe(0)
  }, 30_000)

  it('still announces, with its risk, a quiet case that was uploaded and completed between its checks', async () => {
    const simulator = await rig.startSimulator(roomySimulator)
    const caseIds = createWaitingCases(simulator, 120)
    const harness = rig.openMonitor({ limits: roomyLimits, tuning: { quietCheckIntervalMs: 1_500 } })
    harness.monitor.watch(caseIds)
    await waitFor(() => harness.monitor.views().every((view) => view.hasFileList), 20_000, 'a first look at every case')

    const uploaded = caseIds[40]!
    simulator.control.completeCaseNow(uploaded)
    await waitFor(() => harness.announcements.some((announcement) => announcement.caseId === uploaded), 10_000, 'its announcement')
    expect(harness.announcements.find((announcement) => announcement.caseId === uploaded)!.risk).not.toBeNull()
  }, 30_000)

  it('sweeps cases not looked at yet less and less often while nothing on the key changes', async () => {
    const simulator = await rig.startSimulator(roomySimulator)
    const caseIds = createWaitingCases(simulator, 80)
    // No get budget for first looks: every case stays not looked at, and one list page holds them all.
    const { monitor } = rig.openMonitor({ limits: { ...roomyLimits, getPerMin: 1 }, tuning: { quietCheckIntervalMs: 60_000 } })
    monitor.watch(caseIds)
    await sleep(6_000)
    // 20 sweep intervals of 300 ms: doubling from the first, the sweeps fall at 0, 0.3, 0.9, 2.1 and 4.5 s.
    expect(simulator.control.stats().requestsByRoute.list ?? 0).toBeLessThanOrEqual(6)
    expect(monitor.views().every((view) => !view.hasFileList)).toBe(true)
  }, 20_000)
})

describe('stream slots with more cases than slots, none looked at yet', () => {
  it('move on from a case whose stream shows no analysis, until they find the case that is analysing', async () => {
    const simulator = await rig.startSimulator(roomySimulator)
    const waiting = createWaitingCases(simulator, 4)
    const analysing = simulator.control.createCase({ label: 'Analysing', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] }).caseId
    // No get budget for a first look: only a stream can tell which case is analysing.
    const { monitor } = rig.openMonitor({ limits: { ...roomyLimits, getPerMin: 1, streamsPerKey: 1 } })
    monitor.watch(waiting)
    await waitFor(() => waiting.some((caseId) => monitor.view(caseId)?.followedBy === 'stream'), 5_000, 'a stream on a waiting case')
    monitor.watch([analysing])

    await waitFor(() => monitor.view(analysing)?.followedBy === 'stream', 20_000, 'the stream to reach the analysing case')
    await sleep(1_500)
    // Found analysing, it keeps the slot.
    expect(monitor.view(analysing)?.followedBy).toBe('stream')
  }, 30_000)
})
