import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { startTestSimulator, waitFor } from '../monitor/monitor-test-kit'
import { createPooledFetch } from '../testing/connection-pool-fetch'
import { streamedCaseIds, useAppRig, viewsOf } from './app-test-kit'

let simulator: Simulator | null = null
const rig = useAppRig()

afterEach(async () => {
  await simulator?.close()
  simulator = null
})

/** How long a promise takes to settle, or Infinity when it has not within `patienceMs`. */
async function durationOf(work: unknown, patienceMs: number): Promise<number> {
  const started = performance.now()
  const settled = await Promise.race([
    Promise.resolve(work).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), patienceMs)),
  ])
  return settled ? performance.now() - started : Infinity
}

describe('streams and REST calls over an HTTP/1.1 host with a 6-connection pool (Chromium’s net.fetch)', () => {
  it('keeps REST calls prompt and every case on a live stream when streams have their own fetch', async () => {
    // Long analyses keep all eight demo streams open for the whole test.
    simulator = await startTestSimulator({ analysisMs: 60_000, heartbeatMs: 200, demoCases: 8 })
    const rest = createPooledFetch({ maxConnectionsPerOrigin: 6 })
    const app = await rig.start(simulator, { fetch: rest.fetch, streamFetch: fetch })
    await waitFor(() => simulator!.control.stats().openStreams >= 6, 10_000, 'the demo streams to open')

    const startDemoCase = durationOf(app.handlers.startDemoCase(), 5_000)
    expect(await startDemoCase, 'ms to start a demo case').toBeLessThan(2_000)

    await waitFor(() => simulator!.control.stats().openStreams === 9, 10_000, 'a stream for every case, the new one too')
    const views = await viewsOf(app)
    expect(await streamedCaseIds(app)).toHaveLength(9)
    expect(views.filter((view) => view.followedBy !== 'stream').map((view) => `${view.caseId} ${view.state}`)).toEqual([])
    expect(rest.stats().queued).toBe(0)
  })
})
