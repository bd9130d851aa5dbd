import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from './index'
import { openSse } from './test-support/sse-client'

let sim: Simulator
afterEach(() => sim.close())

// Benchmarks time what happens to an event after the simulator sends it (bench/ui: simulator send → screen).
describe('the onEventSent hook', () => {
  it('sees each event a stream sends, in order, with its case, type and progress, no later than the client', async () => {
    const sent: { caseId: string; id: string; type: string; progress: unknown; at: number }[] = []
    sim = await startSimulator({
      analysisMs: 300,
      heartbeatMs: 100,
      onEventSent: (caseId, event) => sent.push({ caseId, id: event.id, type: event.type, progress: event.body.progress, at: Date.now() }),
    })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf'] })
    const stream = await openSse(`${sim.baseUrl}/cases/${caseId}/progress/stream`, { 'x-api-key': 'vdx_simulator' })
    await stream.ended

    const received = stream.frames.filter((frame) => frame.id !== undefined)
    expect(received.length).toBeGreaterThan(2)
    expect(sent.map((event) => event.id)).toEqual(received.map((frame) => frame.id))
    expect(sent.every((event) => event.caseId === caseId)).toBe(true)
    expect(sent.at(-1)?.type).toBe('case.analysis.completed')
    expect(sent.filter((event) => event.type === 'file.analysis.progress').every((event) => typeof event.progress === 'number')).toBe(true)
    received.forEach((frame, index) => expect(sent[index]!.at).toBeLessThanOrEqual(frame.at!))
  })
})
