import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from './index'
import { get } from './test-support/http-client'

let sims: Simulator[] = []
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})

interface Event {
  id: string
  type: string
  timestamp: number
  file_id?: string
  stage?: string
  progress: number
  outcome?: string
}

/** Everything about a run that does not depend on the wall clock. */
async function fingerprint(seed: number): Promise<unknown> {
  const sim = await startSimulator({ seed, analysisMs: 200, apiKeys: ['vdx_a', 'vdx_b'] })
  sims.push(sim)
  const created = [sim.control.createCase(), sim.control.createCase(), sim.control.createCase({ apiKey: 'vdx_b' })]
  await new Promise((r) => setTimeout(r, 400))
  return Promise.all(
    created.map(async ({ caseId, fileIds }, i) => {
      const key = i === 2 ? 'vdx_b' : 'vdx_a'
      const details = (await get(sim.baseUrl, `/cases/${caseId}`, key)).json as {
        label: string
        files: { label: string; current_risk_score: string | null }[]
      }
      const { events } = (await get(sim.baseUrl, `/cases/${caseId}/progress/poll`, key)).json as { events: Event[] }
      const startedAt = events[0].timestamp
      // The last 40 bits of a UUIDv7 are pure seeded randomness; the rest holds the clock and a counter.
      const randomTail = (id: string) => id.slice(-10)
      return {
        caseIdTail: randomTail(caseId),
        label: details.label,
        files: details.files.map((f, index) => [f.label, f.current_risk_score, randomTail(fileIds[index])]),
        events: events.map((e) => [
          e.type,
          e.file_id && fileIds.indexOf(e.file_id),
          e.stage,
          e.progress,
          e.outcome,
          e.timestamp - startedAt,
          randomTail(e.id),
        ]),
      }
    }),
  )
}

describe('determinism', () => {
  it('gives the same run for the same seed, and a different one for another seed', async () => {
    const [a, b, c] = await Promise.all([fingerprint(42), fingerprint(42), fingerprint(43)])
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
  })
})

describe('demo cases', () => {
  it('starts N cases owned by the first key, at staggered points of their analysis', async () => {
    const sim = await startSimulator({ demoCases: 8, analysisMs: 4000, apiKeys: ['vdx_first', 'vdx_second'] })
    sims.push(sim)
    const list = (await get(sim.baseUrl, '/cases', 'vdx_first')).json as { cases: { case_id: string; is_locked: boolean }[] }
    expect(list.cases).toHaveLength(8)
    expect(list.cases.every((c) => c.is_locked)).toBe(true)
    expect(((await get(sim.baseUrl, '/cases', 'vdx_second')).json as { total: number }).total).toBe(0)
    for (const c of list.cases) {
      const details = sim.control.caseDetails(c.case_id) as { files: { analysis_status: string }[] }
      expect(details.files.every((f) => f.analysis_status !== 'waiting_for_upload')).toBe(true)
    }
    const eventCounts = await Promise.all(
      list.cases.map(
        async (c) =>
          ((await get(sim.baseUrl, `/cases/${c.case_id}/progress/poll`, 'vdx_first')).json as { events: unknown[] }).events.length,
      ),
    )
    // Some cases have barely started, others are nearly done.
    expect(Math.min(...eventCounts)).toBeLessThan(10)
    expect(Math.max(...eventCounts)).toBeGreaterThan(20)
  })
})
