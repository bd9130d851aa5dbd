import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { fastTuning, requestsReceived, sleep, startTestSimulator, waitFor } from '../monitor/monitor-test-kit'
import { streamedCaseIds, useAppRig, viewsOf } from './app-test-kit'

let simulator: Simulator | null = null
const rig = useAppRig()

afterEach(async () => {
  await simulator?.close()
  simulator = null
})

const receivedBySimulator = (): number => requestsReceived(simulator!)

describe('what the system says about sleep and the network, in demo mode (the simulator on 127.0.0.1)', () => {
  it('keeps following the demo cases with no network: their server is on this machine', async () => {
    simulator = await startTestSimulator({ analysisMs: 1_500, demoCases: 3 })
    const app = await rig.start(simulator, { tuning: fastTuning })
    app.setSystemState({ isAsleep: false, isNetworkOnline: false })
    await sleep(200)
    expect((await viewsOf(app)).filter((view) => view.state === 'offline')).toEqual([])
    await waitFor(() => app.summary().completed === 3, 15_000, 'every demo case to complete without a network')
  })

  it('takes the demo session offline while the machine sleeps, sending nothing, and follows again on wake', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000, demoCases: 3 })
    let issued = 0
    const countingFetch: typeof fetch = (input, init) => (issued++, fetch(input, init))
    const app = await rig.start(simulator, { tuning: fastTuning, fetch: countingFetch })
    await waitFor(() => simulator!.control.stats().openStreams === 3, 10_000, 'the demo streams')
    // Start-up snapshots can still be on their way when the streams are open; sleep starts once all have landed.
    await waitFor(() => receivedBySimulator() === issued, 5_000, 'the start-up requests to arrive')

    app.setSystemState({ isAsleep: true, isNetworkOnline: true })
    await waitFor(() => simulator!.control.stats().openStreams === 0, 5_000, 'the streams to close')
    expect((await viewsOf(app)).map((view) => view.state)).toEqual(['offline', 'offline', 'offline'])
    const [issuedBefore, receivedBefore] = [issued, receivedBySimulator()]
    await sleep(1_000)
    expect(issued, 'requests sent while asleep').toBe(issuedBefore)
    expect(receivedBySimulator(), 'requests the simulator received while asleep').toBe(receivedBefore)

    app.setSystemState({ isAsleep: false, isNetworkOnline: false })
    await waitFor(() => simulator!.control.stats().openStreams === 3, 10_000, 'the streams again after waking, still without a network')
    await expect.poll(() => streamedCaseIds(app), { timeout: 5_000 }).toHaveLength(3)
  })
})
