import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionView } from '../../shared/connection-view'
import type { Simulator } from '../../simulator'
import { fastTuning, sleep, startTestSimulator, waitFor } from '../monitor/monitor-test-kit'
import { useAppRig } from './app-test-kit'
import type { EventSink } from './delta-batcher'

let simulator: Simulator | null = null
const rig = useAppRig()

afterEach(async () => {
  await simulator?.close()
  simulator = null
})

describe('the account connection sent to the window', () => {
  it('is in the snapshot and pushed once per change, not per progress batch', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000, demoCases: 3, heartbeatMs: 50 })
    const pushed: ConnectionView[] = []
    let caseBatches = 0
    const send: EventSink = (event, payload) => {
      if (event === 'connectionChanged') pushed.push(payload as ConnectionView)
      if (event === 'casesChanged') caseBatches++
    }
    const app = await rig.start(simulator, { tuning: fastTuning, send })
    await waitFor(() => pushed.at(-1)?.counts.streaming === 3, 10_000, 'three live streams')
    expect((await app.handlers.getSnapshot()).connection).toMatchObject({ state: 'live', counts: { followed: 3, streaming: 3 } })

    const pushedWhileLive = pushed.length
    const batchesBefore = caseBatches
    await sleep(1_000)
    expect(caseBatches, 'progress batches meanwhile').toBeGreaterThan(batchesBefore)
    expect(pushed.length, 'connection pushes while nothing changed').toBe(pushedWhileLive)

    app.setSystemState({ isAsleep: true, isNetworkOnline: true })
    await waitFor(() => pushed.at(-1)?.state === 'offline', 2_000, 'offline to be pushed')
    expect(pushed.at(-1)!.since).toEqual(expect.any(Number))
    expect((await app.handlers.getSnapshot()).connection.state).toBe('offline')
    app.setPaused(true)
    await waitFor(() => pushed.at(-1)?.state === 'paused', 2_000, 'paused to be pushed')
  })
})
