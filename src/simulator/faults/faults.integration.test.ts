import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator, type SimulatorOptions } from '../index'
import { get } from '../test-support/http-client'
import { openSse, type SseFrame } from '../test-support/sse-client'

let sims: Simulator[] = []
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})

async function start(options: SimulatorOptions = {}) {
  const sim = await startSimulator({ analysisMs: 300, heartbeatMs: 40, ...options })
  sims.push(sim)
  return sim
}
const auth = { 'x-api-key': 'vdx_simulator' }
const stream = (sim: Simulator, caseId: string, headers = {}) =>
  openSse(`${sim.baseUrl}/cases/${caseId}/progress/stream`, { ...auth, ...headers })
const stored = (frames: SseFrame[]) => frames.filter((f) => f.id !== undefined)

describe('stream faults', () => {
  it('drops a stream after N events, without stream_closed; the next stream is whole', async () => {
    const sim = await start()
    sim.control.setFaults({ faults: [{ kind: 'drop-stream', afterEvents: 3, count: 1 }] })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    const dropped = await stream(sim, caseId)
    expect(await dropped.ended).toBe('aborted')
    expect(stored(dropped.frames)).toHaveLength(3)
    expect(dropped.frames.some((f) => f.event === 'stream_closed')).toBe(false)
    const whole = await stream(sim, caseId, { 'last-event-id': dropped.frames.at(-1)!.id! })
    expect(await whole.ended).toBe('ended')
    expect(whole.frames.at(-1)!.event).toBe('stream_closed')
    expect(sim.control.stats().faultsFired['drop-stream']).toBe(1)
  })

  it('drops at random per event, the same way for the same seed', async () => {
    const eventsBeforeDrop = async (seed: number) => {
      const sim = await start({ seed })
      sim.control.setFaults({ faults: [{ kind: 'drop-stream', perEventProbability: 0.2 }] })
      const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf', 'b.pdf', 'c.pdf'] })
      sim.control.completeCaseNow(caseId)
      const sse = await stream(sim, caseId)
      expect(await sse.ended).toBe('aborted')
      return stored(sse.frames).length
    }
    expect(await eventsBeforeDrop(11)).toBe(await eventsBeforeDrop(11))
  })

  it('stalls: no bytes and no heartbeats for the stall, then the held events', async () => {
    const sim = await start()
    sim.control.setFaults({ faults: [{ kind: 'stall-stream', stallMs: 300, afterEvents: 1 }] })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'], fileDurationsMs: [200] })
    const sse = await stream(sim, caseId)
    await sse.ended
    const firstEventAt = stored(sse.frames)[0].at!
    const next = sse.chunks.find((c) => c.at > firstEventAt)!
    expect(next.at - firstEventAt).toBeGreaterThanOrEqual(280)
    expect(sse.frames.at(-1)!.event).toBe('stream_closed')
  })

  it('buffers like a proxy: nothing until the end, or chunks of at least N KB', async () => {
    const sim = await start()
    sim.control.setFaults({
      faults: [
        { kind: 'buffer-stream', count: 1 },
        { kind: 'buffer-stream', flushAtKb: 1 },
      ],
    })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf', 'b.pdf'], fileDurationsMs: [250, 250] })
    const heldToEnd = await stream(sim, caseId)
    await heldToEnd.ended
    expect(heldToEnd.chunks.length).toBeLessThanOrEqual(2)
    expect(heldToEnd.chunks[0].at - heldToEnd.openedAt).toBeGreaterThanOrEqual(200)
    const { caseId: second } = sim.control.createCase({ fileLabels: ['a.pdf', 'b.pdf'] })
    const kb = await stream(sim, second)
    await kb.ended
    const sizes = kb.chunks.map((c) => Buffer.byteLength(c.text))
    expect(sizes.slice(0, -1).every((n) => n >= 1024)).toBe(true)
    expect(kb.frames.at(-1)!.event).toBe('stream_closed')
  })

  it('answers the stream with a 200 text/html sign-in page', async () => {
    const sim = await start()
    sim.control.setFaults({ faults: [{ kind: 'html-page', count: 1 }] })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    const res = await get(sim.baseUrl, `/cases/${caseId}/progress/stream`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.text).toContain('Sign in')
  })
})

describe('request faults', () => {
  it('sends bursts of 5xx and of 429 with Retry-After, for a count, then recovers', async () => {
    const sim = await start()
    sim.control.setFaults({
      faults: [
        { kind: 'server-error', status: 502, count: 2, routes: ['list'] },
        { kind: 'rate-limit', retryAfterSeconds: 7, count: 1, routes: ['files'] },
      ],
    })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await get(sim.baseUrl, '/cases')).status)
    expect(statuses).toEqual([502, 502, 200])
    const limited = await get(sim.baseUrl, '/files')
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('7')
    expect(limited.json).toMatchObject({ error_code: 'request.rate-limit' })
    expect((await get(sim.baseUrl, '/files')).status).toBe(200)
    expect(sim.control.stats().tooManyRequests).toMatchObject({ total: 1, fromFaults: 1, fromLimits: 0 })
  })

  it('targets case IDs, expires after its duration, and fires by seeded probability', async () => {
    const sim = await start()
    const a = sim.control.createCase({ fileLabels: ['a.pdf'] })
    const b = sim.control.createCase({ fileLabels: ['b.pdf'] })
    sim.control.setFaults({ faults: [{ kind: 'server-error', status: 500, caseIds: [a.caseId], durationMs: 200 }] })
    expect((await get(sim.baseUrl, `/cases/${a.caseId}`)).status).toBe(500)
    expect((await get(sim.baseUrl, `/cases/${b.caseId}`)).status).toBe(200)
    await new Promise((r) => setTimeout(r, 250))
    expect((await get(sim.baseUrl, `/cases/${a.caseId}`)).status).toBe(200)

    const pattern = async (seed: number) => {
      const other = await start({ seed, limits: false })
      other.control.setFaults({ faults: [{ kind: 'server-error', probability: 0.5 }] })
      const out = []
      for (let i = 0; i < 12; i++) out.push((await get(other.baseUrl, '/cases')).status)
      return out.join()
    }
    const first = await pattern(4)
    expect(first).toContain('503')
    expect(first).toContain('200')
    expect(await pattern(4)).toBe(first)
  })

  it('delays the first byte', async () => {
    const sim = await start()
    sim.control.setFaults({ faults: [{ kind: 'slow-first-byte', delayMs: 300, routes: ['list'], count: 1 }] })
    const started = Date.now()
    expect((await get(sim.baseUrl, '/cases')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })
})

describe('key revocation and case deletion', () => {
  it('ends the key’s open streams, then answers 401', async () => {
    const sim = await start({ analysisMs: 5000 })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    const sse = await stream(sim, caseId)
    await sse.waitFor((f) => f.id !== undefined)
    sim.control.revokeKey('vdx_simulator')
    expect(await sse.ended).toBe('ended')
    expect(sse.frames.some((f) => f.event === 'stream_closed')).toBe(false)
    expect((await stream(sim, caseId)).status).toBe(401)
    expect((await get(sim.baseUrl, '/cases')).status).toBe(401)
    sim.control.addKey('vdx_simulator')
    expect((await get(sim.baseUrl, '/cases')).status).toBe(200)
  })

  it('ends a deleted case’s streams and answers 404 from then on', async () => {
    const sim = await start({ analysisMs: 5000 })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    const sse = await stream(sim, caseId)
    await sse.waitFor((f) => f.id !== undefined)
    sim.control.deleteCase(caseId)
    expect(await sse.ended).toBe('ended')
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/progress/poll`, `/cases/${caseId}/progress/stream`]) {
      expect((await get(sim.baseUrl, path)).status).toBe(404)
    }
    expect(sim.control.caseDetails(caseId)).toBeNull()
  })
})
