import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../index'
import { get } from '../test-support/http-client'
import { openSse } from '../test-support/sse-client'

interface PollBody {
  events: { id: string; type: string }[]
  has_more: boolean
}

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator({ analysisMs: 300 })
})
afterEach(() => sim.close())

const poll = async (caseId: string, lastEventId?: string) =>
  (await get(sim.baseUrl, `/cases/${caseId}/progress/poll${lastEventId ? `?last_event_id=${lastEventId}` : ''}`)).json as PollBody

describe('GET /cases/{id}/progress/poll', () => {
  it('pages through stored events 100 at a time with has_more, each once', async () => {
    // 8 files × 16 events + the case completion = 129 events.
    const { caseId } = sim.control.createCase({ fileLabels: Array.from({ length: 8 }, (_, i) => `f${i}.pdf`) })
    sim.control.completeCaseNow(caseId)
    const first = await poll(caseId)
    expect(first.events).toHaveLength(100)
    expect(first.has_more).toBe(true)
    const second = await poll(caseId, first.events.at(-1)!.id)
    expect(second.events).toHaveLength(29)
    expect(second.has_more).toBe(false)
    expect(second.events.at(-1)!.type).toBe('case.analysis.completed')
    const ids = [...first.events, ...second.events].map((e) => e.id)
    expect(new Set(ids).size).toBe(129)
    expect(await poll(caseId, ids.at(-1))).toEqual({ events: [], has_more: false })
  })

  it('says why a failed file failed, in its completion and in the case details, with times on both', async () => {
    const { caseId, fileIds } = sim.control.createCase({ fileLabels: ['scan.pdf', 'id.png'], outcomes: ['failed', 'success'] })
    sim.control.completeCaseNow(caseId)
    const events = (await poll(caseId)).events as unknown as Record<string, unknown>[]
    const completions = events.filter((event) => event.type === 'file.analysis.completed')
    const failed = completions.find((event) => event.file_id === fileIds[0])!
    expect(failed.message).toEqual(expect.stringMatching(/^[A-Z].{20,}\.$/))
    expect(completions.find((event) => event.file_id === fileIds[1])!).not.toHaveProperty('message')
    for (const event of events) expect(event.timestamp).toEqual(expect.any(Number))
    const details = (await get(sim.baseUrl, `/cases/${caseId}`)).json as { files: Record<string, unknown>[] }
    expect(details.files.map((file) => file.failure_reason)).toEqual([failed.message, null])
    for (const file of details.files) expect(Date.parse(file.uploaded_at as string)).toBeLessThanOrEqual(failed.timestamp as number)
  })

  it('returns the same event objects the stream carries', async () => {
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    sim.control.completeCaseNow(caseId)
    const sse = await openSse(`${sim.baseUrl}/cases/${caseId}/progress/stream`, { 'x-api-key': 'vdx_simulator' })
    await sse.ended
    const streamed = sse.frames.filter((f) => f.id !== undefined).map((f) => f.json)
    expect((await poll(caseId)).events).toEqual(streamed)
  })

  it('returns only newer events while analysis runs, from the start for an unknown ID, 400 for a malformed one', async () => {
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'], fileDurationsMs: [300] })
    const early = await poll(caseId)
    expect(early.events.length).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 400))
    const later = await poll(caseId, early.events.at(-1)!.id)
    expect(later.events.map((e) => e.id).some((id) => early.events.some((e) => e.id === id))).toBe(false)
    expect(later.events.at(-1)!.type).toBe('case.analysis.completed')
    const unknown = await poll(caseId, '019bfb3c-1257-7455-af2e-0cd3cadab5c7')
    expect(unknown.events).toHaveLength(early.events.length + later.events.length)
    const malformed = await get(sim.baseUrl, `/cases/${caseId}/progress/poll?last_event_id=abc`)
    expect(malformed.status).toBe(400)
    expect(malformed.json).toMatchObject({ error_details: { field: 'last_event_id' } })
  })

  it('answers 404 for a case it does not know', async () => {
    const res = await get(sim.baseUrl, '/cases/019bfb3c-1257-7455-af2e-0cd3cadab5c7/progress/poll')
    expect(res.status).toBe(404)
    expect(res.json).toMatchObject({ error_code: 'request.cases.case.not-found' })
  })
})
