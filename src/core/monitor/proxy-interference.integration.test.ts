import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { openTestMonitor, sleep, startTestSimulator, waitFor, type MonitorHarness } from './monitor-test-kit'

let simulator: Simulator
let harness: MonitorHarness | null = null

afterEach(async () => {
  harness?.monitor.dispose()
  harness = null
  await simulator.close()
})

async function eightCases(analysisMs: number): Promise<string[]> {
  simulator = await startTestSimulator({ analysisMs })
  return Array.from({ length: 8 }, (_, i) => simulator.control.createCase({ label: `Claim ${i}`, fileLabels: ['a.pdf', 'b.pdf'] }).caseId)
}

describe('proxy evidence is weighed, not taken from one answer', () => {
  it('one case’s proxy page leaves the seven healthy streams streaming', async () => {
    const cases = await eightCases(6_000)
    const [interfered, ...healthy] = cases as [string, ...string[]]
    simulator.control.setFaults({ faults: [{ kind: 'html-page', routes: ['stream'], caseIds: [interfered] }] })
    harness = openTestMonitor(simulator)
    const { monitor } = harness
    monitor.watch(cases)
    await waitFor(() => monitor.view(interfered)!.followedBy === 'poll', 5_000, 'the interfered case to be polled')
    await waitFor(() => healthy.every((id) => monitor.view(id)!.state === 'live'), 5_000, 'the healthy streams to be live')
    // Long after the proxy page: the healthy cases keep their streams and their live stages.
    await sleep(1_500)
    for (const id of healthy) expect(monitor.view(id)).toMatchObject({ state: 'live', followedBy: 'stream' })
    expect(monitor.stats().areStreamsBlocked).toBe(false)
    expect(monitor.view(interfered)!.problem?.code).toBe('proxy_interference')
    await waitFor(() => harness!.announcements.length === cases.length, 20_000, 'every completion')
  })

  it('interference on several cases with no healthy stream blocks streams for the key; a canary brings them back', async () => {
    const cases = await eightCases(20_000)
    simulator.control.setFaults({ faults: [{ kind: 'html-page', routes: ['stream'] }] })
    harness = openTestMonitor(simulator)
    const { monitor } = harness
    monitor.watch(cases)
    await waitFor(() => monitor.stats().areStreamsBlocked, 5_000, 'streams to count as blocked')
    await waitFor(() => cases.every((id) => monitor.view(id)!.followedBy === 'poll'), 5_000, 'every case to be polled')
    const streamsOpenedWhileBlocked = simulator.control.stats().streamsOpened
    simulator.control.clearFaults()
    // fastTuning tests a canary every second; once it is healthy every case streams again.
    await waitFor(() => !monitor.stats().areStreamsBlocked, 5_000, 'the canary to find streams working')
    await waitFor(() => cases.every((id) => monitor.view(id)!.followedBy === 'stream'), 8_000, 'every case to stream again')
    expect(simulator.control.stats().streamsOpened).toBeGreaterThan(streamsOpenedWhileBlocked)
  })
})
