import { EventSource } from 'eventsource'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator, type SseFraming } from './index'
import { get } from './test-support/http-client'

// The app parses SSE with the `eventsource` package; this checks the simulator against that client.
let sim: Simulator
afterEach(() => sim.close())

const storedTypes = ['file.analysis.progress', 'file.analysis.completed', 'case.analysis.completed']

function follow(url: string, framing: SseFraming): Promise<string[]> {
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, 'x-api-key': 'vdx_simulator' } }),
  })
  const ids: string[] = []
  return new Promise((resolve, reject) => {
    const onData = (event: MessageEvent) => {
      const type = (JSON.parse(event.data) as { type: string }).type
      if (storedTypes.includes(type)) ids.push(event.lastEventId)
      if (type === 'stream_closed') {
        source.close()
        resolve(ids)
      }
    }
    if (framing === 'named') for (const type of [...storedTypes, 'stream_closed', 'heartbeat']) source.addEventListener(type, onData)
    else source.onmessage = onData
    source.onerror = (error) => {
      if ((error as { code?: number }).code) reject(new Error(`stream refused: ${(error as { code?: number }).code}`))
    }
  })
}

describe.each(['named', 'data-only'] as const)('the eventsource client with %s framing', (framing) => {
  it('reconnects after a dropped stream with Last-Event-ID and sees every event exactly once', async () => {
    sim = await startSimulator({ analysisMs: 300, retryMs: 50, heartbeatMs: 100, framing })
    sim.control.setFaults({ faults: [{ kind: 'drop-stream', afterEvents: 5, count: 2 }] })
    const { caseId } = sim.control.createCase({ fileLabels: ['a.pdf', 'b.pdf'] })
    const seen = await follow(`${sim.baseUrl}/cases/${caseId}/progress/stream`, framing)
    const { events } = (await get(sim.baseUrl, `/cases/${caseId}/progress/poll`)).json as { events: { id: string }[] }
    expect(seen).toEqual(events.map((e) => e.id))
    expect(sim.control.stats().streamsOpened).toBe(3)
  })
})
