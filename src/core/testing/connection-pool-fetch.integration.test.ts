import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { startTestSimulator, waitFor } from '../monitor/monitor-test-kit'
import { createPooledFetch } from './connection-pool-fetch'

let simulator: Simulator | null = null
const opened: Response[] = []

afterEach(async () => {
  for (const response of opened.splice(0)) await response.body?.cancel().catch(() => undefined)
  await simulator?.close()
  simulator = null
})

const headers = { 'x-api-key': 'vdx_simulator' }

async function startWithCases(count: number) {
  simulator = await startTestSimulator({ analysisMs: 60_000, heartbeatMs: 100 })
  const caseIds = Array.from({ length: count }, () => simulator!.control.createCase().caseId)
  return { simulator, caseIds, streamUrl: (caseId: string) => `${simulator!.baseUrl}/cases/${caseId}/progress/stream` }
}

describe('the model of Chromium’s HTTP/1.1 connection pool', () => {
  it('lets open streams hold every connection, so the next request waits until one ends', async () => {
    const { simulator, caseIds, streamUrl } = await startWithCases(6)
    const pool = createPooledFetch({ maxConnectionsPerOrigin: 6 })
    for (const caseId of caseIds) opened.push(await pool.fetch(streamUrl(caseId), { headers }))
    const origin = new URL(simulator.baseUrl).origin
    expect(pool.stats()).toMatchObject({ inFlightByOrigin: { [origin]: 6 }, maxInFlightByOrigin: { [origin]: 6 } })

    let isAnswered = false
    const listing = pool.fetch(`${simulator.baseUrl}/cases`, { headers }).then((response) => {
      isAnswered = true
      return response
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(isAnswered).toBe(false)
    expect(pool.stats().queued).toBe(1)

    await opened.shift()!.body!.cancel()
    const response = await listing
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ cases: expect.any(Array) })
    await waitFor(() => pool.stats().inFlightByOrigin[origin] === 5, 2_000, 'the listing to give its connection back')
    expect(pool.stats()).toMatchObject({ queued: 0, everQueued: 1, maxInFlightByOrigin: { [origin]: 6 } })
  })

  it('gives the connection back when a stream is aborted, and drops a waiting request that is aborted', async () => {
    const { simulator, caseIds, streamUrl } = await startWithCases(2)
    const origin = new URL(simulator.baseUrl).origin
    const pool = createPooledFetch({ maxConnectionsPerOrigin: 1 })
    const controller = new AbortController()
    const stream = await pool.fetch(streamUrl(caseIds[0]!), { headers, signal: controller.signal })
    const reading = stream.body!.getReader().read()

    const impatient = new AbortController()
    const waiting = pool.fetch(streamUrl(caseIds[1]!), { headers, signal: impatient.signal })
    expect(pool.stats().queued).toBe(1)
    impatient.abort()
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
    expect(pool.stats().queued).toBe(0)

    controller.abort()
    await reading.catch(() => undefined)
    expect(pool.stats().inFlightByOrigin[origin]).toBe(0)
    const next = await pool.fetch(`${simulator.baseUrl}/cases/${caseIds[1]}`, { headers })
    expect(next.status).toBe(200)
    await next.text()
    expect(pool.stats().inFlightByOrigin[origin]).toBe(0)
  })
})
