import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator, type SimulatorOptions } from '../index'
import { openSse, type SseFrame } from '../test-support/sse-client'

let sim: Simulator
afterEach(() => sim.close())

async function start(options: SimulatorOptions = {}) {
  sim = await startSimulator({ analysisMs: 300, heartbeatMs: 100, retryMs: 1234, ...options })
  return sim
}
const streamUrl = (caseId: string, query = '') => `${sim.baseUrl}/cases/${caseId}/progress/stream${query}`
const auth = { 'x-api-key': 'vdx_simulator' }
const stored = (frames: SseFrame[]) => frames.filter((f) => f.id !== undefined)

describe('GET /cases/{id}/progress/stream', () => {
  it('sends retry first, then every event with id and event lines, heartbeats without id, then stream_closed', async () => {
    await start()
    const { caseId, fileIds } = sim.control.createCase({
      fileLabels: ['a.pdf', 'b.pdf'],
      outcomes: ['success', 'failed'],
      fileDurationsMs: [250, 350],
    })
    const sse = await openSse(streamUrl(caseId), auth)
    expect(sse.status).toBe(200)
    expect(sse.headers['content-type']).toBe('text/event-stream')
    expect(sse.headers['cache-control']).toBe('no-cache')
    expect(sse.headers['x-accel-buffering']).toBe('no')
    expect(await sse.ended).toBe('ended')
    expect(sse.raw().startsWith('retry: 1234\n\n')).toBe(true)

    const events = stored(sse.frames)
    for (const frame of events) expect(frame.event).toBe(frame.json?.type)
    const ids = events.map((f) => f.id!)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    expect(events.map((f) => f.json!.id)).toEqual(ids)

    const completions = events.filter((f) => f.event === 'file.analysis.completed').map((f) => f.json!)
    expect(completions).toHaveLength(2)
    expect(completions.map((e) => [e.file_id, e.outcome, e.progress, e.stage]).sort()).toEqual(
      [
        [fileIds[0], 'success', 100, 'full_analysis'],
        [fileIds[1], 'failed', 100, 'full_analysis'],
      ].sort(),
    )
    const progress = events.filter((f) => f.event === 'file.analysis.progress').map((f) => f.json!)
    expect(Object.keys(progress[0])).toEqual(['type', 'id', 'timestamp', 'case_id', 'file_id', 'stage', 'progress'])
    expect(events.at(-1)!.json).toMatchObject({ type: 'case.analysis.completed', case_id: caseId, progress: 100 })
    expect(typeof events.at(-1)!.json!.timestamp).toBe('number')

    const last = sse.frames.at(-1)!
    expect(last).toMatchObject({ event: 'stream_closed', json: { type: 'stream_closed' } })
    expect(last.id).toBeUndefined()
    expect(typeof last.json!.message).toBe('string')
    const heartbeats = sse.frames.filter((f) => f.event === 'heartbeat')
    expect(heartbeats.length).toBeGreaterThan(0)
    for (const beat of heartbeats) expect(beat.id === undefined && beat.json?.type === 'heartbeat').toBe(true)
  })

  it('on a finished case replays everything, then stream_closed, and ends', async () => {
    await start()
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    sim.control.completeCaseNow(caseId)
    const sse = await openSse(streamUrl(caseId), auth)
    await sse.ended
    expect(sse.frames[0]).toMatchObject({ retry: '1234' })
    expect(sse.frames.at(-2)!.event).toBe('case.analysis.completed')
    expect(sse.frames.at(-1)!.event).toBe('stream_closed')
  })

  it('resumes after Last-Event-ID with every later event once and none twice', async () => {
    await start()
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf', 'b.pdf'], fileDurationsMs: [400, 400] })
    const first = await openSse(streamUrl(caseId), auth)
    const cut = await first.waitFor((f) => f.json?.type === 'file.analysis.progress' && (f.json.progress as number) > 30)
    first.close()
    const resumed = await openSse(streamUrl(caseId), { ...auth, 'last-event-id': cut.id! })
    await resumed.ended
    const full = await openSse(streamUrl(caseId), auth)
    await full.ended
    const allIds = stored(full.frames).map((f) => f.id)
    const before = stored(first.frames).map((f) => f.id)
    const cutIndex = allIds.indexOf(cut.id)
    expect(before.slice(0, before.indexOf(cut.id) + 1)).toEqual(allIds.slice(0, cutIndex + 1))
    expect(stored(resumed.frames).map((f) => f.id)).toEqual(allIds.slice(cutIndex + 1))
  })

  it('replays from the start for an unknown Last-Event-ID', async () => {
    await start()
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    sim.control.completeCaseNow(caseId)
    const sse = await openSse(streamUrl(caseId), { ...auth, 'last-event-id': '019bfb3c-1257-7455-af2e-0cd3cadab5c7' })
    await sse.ended
    expect(stored(sse.frames)[0].json).toMatchObject({ type: 'file.analysis.progress', progress: 0 })
  })

  it('accepts the key as ?api_key= or ?access_token= and refuses without one', async () => {
    await start()
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    sim.control.completeCaseNow(caseId)
    for (const query of ['?api_key=vdx_simulator', '?access_token=vdx_simulator']) {
      const sse = await openSse(streamUrl(caseId, query))
      expect(sse.status).toBe(200)
      sse.close()
    }
    const refused = await openSse(streamUrl(caseId))
    expect(refused.status).toBe(401)
    refused.close()
  })

  it('puts the type only inside data with data-only framing', async () => {
    await start({ scenario: { framing: 'data-only' } })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    const sse = await openSse(streamUrl(caseId), auth)
    await sse.ended
    expect(sse.raw()).not.toContain('event:')
    expect(sse.frames.filter((f) => f.json?.type === 'heartbeat').every((f) => f.id === undefined)).toBe(true)
    expect(sse.frames.at(-1)!.json!.type).toBe('stream_closed')
    expect(stored(sse.frames).at(-1)!.json!.type).toBe('case.analysis.completed')
  })
})
