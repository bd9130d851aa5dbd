import { describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { sleep, useMonitorRig, waitFor } from './monitor-test-kit'

const rig = useMonitorRig()
let simulator: Simulator

async function eightCases(analysisMs: number): Promise<string[]> {
  simulator = await rig.startSimulator({ analysisMs })
  return Array.from({ length: 8 }, (_, i) => simulator.control.createCase({ label: `Claim ${i}`, fileLabels: ['a.pdf', 'b.pdf'] }).caseId)
}

describe('proxy evidence is weighed, not taken from one answer', () => {
  it('one case’s proxy page leaves the seven healthy streams streaming', async () => {
    const cases = await eightCases(6_000)
    const [interfered, ...healthy] = cases as [string, ...string[]]
    simulator.control.setFaults({ faults: [{ kind: 'html-page', routes: ['stream'], caseIds: [interfered] }] })
    const harness = rig.openMonitor()
    const { monitor } = harness
    monitor.watch(cases)
    await waitFor(() => monitor.view(interfered)!.followedBy === 'poll', 5_000, 'the interfered case to be polled')
    await waitFor(() => healthy.every((id) => monitor.view(id)!.state === 'live'), 5_000, 'the healthy streams to be live')
    // Long after the proxy page: the healthy cases keep their streams and their live stages.
    await sleep(1_500)
    for (const id of healthy) expect(monitor.view(id)).toMatchObject({ state: 'live', followedBy: 'stream' })
    expect(monitor.stats().areStreamsBlocked).toBe(false)
    expect(monitor.connection()).toMatchObject({ state: 'live', counts: { streaming: 7, polled: 1 } })
    expect(monitor.view(interfered)!.problem?.code).toBe('proxy_interference')
    await waitFor(() => harness.announcements.length === cases.length, 20_000, 'every completion')
  })

  it('interference on several cases with no healthy stream blocks streams for the key; a canary brings them back', async () => {
    const cases = await eightCases(20_000)
    simulator.control.setFaults({ faults: [{ kind: 'html-page', routes: ['stream'] }] })
    const harness = rig.openMonitor()
    const { monitor } = harness
    monitor.watch(cases)
    await waitFor(() => monitor.stats().areStreamsBlocked, 5_000, 'streams to count as blocked')
    await waitFor(() => cases.every((id) => monitor.view(id)!.followedBy === 'poll'), 5_000, 'every case to be polled')
    expect(monitor.connection()).toMatchObject({ state: 'streams_blocked', counts: { followed: 8, polled: 8, streaming: 0 } })
    const streamsOpenedWhileBlocked = simulator.control.stats().streamsOpened
    simulator.control.clearFaults()
    // fastTuning tests a canary every second; once it is healthy every case streams again.
    await waitFor(() => !monitor.stats().areStreamsBlocked, 5_000, 'the canary to find streams working')
    await waitFor(() => cases.every((id) => monitor.view(id)!.followedBy === 'stream'), 8_000, 'every case to stream again')
    expect(simulator.control.stats().streamsOpened).toBeGreaterThan(streamsOpenedWhileBlocked)
  })
})
