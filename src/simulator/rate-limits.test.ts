import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from './index'
import { call, get } from './test-support/http-client'
import { openSse } from './test-support/sse-client'

let sim: Simulator
afterEach(() => sim.close())

const limits = { streamsPerKey: 2, pollsPerHour: 3, listPerMin: 2, getPerMin: 2, createPerMin: 2 }

async function expectLimited(res: Awaited<ReturnType<typeof get>>, retryAfter: string) {
  expect(res.status).toBe(429)
  expect(res.json).toEqual({ error_code: 'request.rate-limit', error_message: 'Too many requests. Please try again later.' })
  expect(res.headers['retry-after']).toBe(retryAfter)
}

describe('rate limits per key', () => {
  it('limits create, list, get and poll in sliding windows, per key', async () => {
    sim = await startSimulator({ apiKeys: ['vdx_one', 'vdx_two'], limits, analysisMs: 300 })
    const { caseId } = sim.control.createCase({ apiKey: 'vdx_one', fileLabels: ['a.pdf'] })
    for (let i = 0; i < 2; i++)
      expect((await call(sim.baseUrl, 'POST', '/cases', { key: 'vdx_one', body: { label: `c${i}` } })).status).toBe(201)
    await expectLimited(await call(sim.baseUrl, 'POST', '/cases', { key: 'vdx_one', body: { label: 'c9' } }), '60')
    expect((await call(sim.baseUrl, 'POST', '/cases', { key: 'vdx_two', body: { label: 'c9' } })).status).toBe(201)

    for (let i = 0; i < 2; i++) expect((await get(sim.baseUrl, '/cases', 'vdx_one')).status).toBe(200)
    await expectLimited(await get(sim.baseUrl, '/cases', 'vdx_one'), '60')
    for (let i = 0; i < 2; i++) expect((await get(sim.baseUrl, `/cases/${caseId}`, 'vdx_one')).status).toBe(200)
    await expectLimited(await get(sim.baseUrl, `/cases/${caseId}`, 'vdx_one'), '60')
    for (let i = 0; i < 3; i++) expect((await get(sim.baseUrl, `/cases/${caseId}/progress/poll`, 'vdx_one')).status).toBe(200)
    await expectLimited(await get(sim.baseUrl, `/cases/${caseId}/progress/poll`, 'vdx_one'), '3600')

    const stats = sim.control.stats().tooManyRequests
    expect(stats).toMatchObject({ total: 4, fromLimits: 4, fromFaults: 0, byKey: { vdx_one: 4 } })
    expect(stats.byRoute).toEqual({ create: 1, list: 1, get: 1, poll: 1 })
  })

  it('holds streams per key to the limit, frees a slot when a stream closes, and records the peak', async () => {
    sim = await startSimulator({ apiKeys: ['vdx_one', 'vdx_two'], limits, analysisMs: 5000, heartbeatMs: 50 })
    const { caseId } = sim.control.createCase({ apiKey: 'vdx_one', fileLabels: ['a.pdf'] })
    const url = `${sim.baseUrl}/cases/${caseId}/progress/stream`
    const streams = [await openSse(url, { 'x-api-key': 'vdx_one' }), await openSse(url, { 'x-api-key': 'vdx_one' })]
    const third = await openSse(url, { 'x-api-key': 'vdx_one' })
    expect(third.status).toBe(429)
    expect(third.headers['retry-after']).toBe('1')
    await third.ended
    streams[0].close()
    await new Promise((r) => setTimeout(r, 50))
    const again = await openSse(url, { 'x-api-key': 'vdx_one' })
    expect(again.status).toBe(200)
    const stats = sim.control.stats()
    expect(stats.openStreamsByKey.vdx_one).toBe(2)
    expect(stats.peakStreamsByKey.vdx_one).toBe(2)
    expect(stats.tooManyRequests.byRoute.stream).toBe(1)
    again.close()
    streams[1].close()
  })

  it('enforces nothing with limits off', async () => {
    sim = await startSimulator({ limits: false })
    for (let i = 0; i < 40; i++) expect((await get(sim.baseUrl, '/cases')).status).toBe(200)
  })
})
