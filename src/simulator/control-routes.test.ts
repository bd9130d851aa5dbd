import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from './index'
import { call, get } from './test-support/http-client'

let sim: Simulator
afterEach(() => sim.close())

const control = (method: string, path: string, body?: unknown) => call(sim.baseUrl, method, `/__simulator${path}`, { key: null, body })

describe('the HTTP control endpoint', () => {
  it('is absent unless enabled', async () => {
    sim = await startSimulator()
    expect((await control('GET', '/stats')).status).toBe(404)
  })

  it('creates, inspects, completes and deletes cases, and reports stats', async () => {
    sim = await startSimulator({ control: true, analysisMs: 5000 })
    const created = await control('POST', '/cases', { label: 'Via HTTP', fileLabels: ['a.pdf'], outcomes: ['success'], risks: ['low'] })
    expect(created.status).toBe(201)
    const { caseId, fileIds } = created.json as { caseId: string; fileIds: string[] }
    expect(fileIds).toHaveLength(1)
    expect((await control('GET', `/cases/${caseId}`)).json).toMatchObject({ case_id: caseId, label: 'Via HTTP' })
    expect((await control('POST', `/cases/${caseId}/complete`)).status).toBe(200)
    expect((await get(sim.baseUrl, `/cases/${caseId}`)).json).toMatchObject({
      file_analysis_status: 'file_analysis_complete',
      files: [{ current_risk_score: 'low' }],
    })
    expect((await control('DELETE', `/cases/${caseId}`)).status).toBe(200)
    expect((await control('GET', `/cases/${caseId}`)).status).toBe(404)
    const stats = (await control('GET', '/stats')).json as {
      requestsByRoute: Record<string, number>
      cases: { total: number; completed: number }
    }
    expect(stats.requestsByRoute.get).toBe(1)
    expect(stats.cases).toMatchObject({ total: 0 })
    expect((await control('POST', '/cases', { label: 'x', bogus: 1 })).status).toBe(400)
  })

  it('sets, adds, lists and clears faults, validating them', async () => {
    sim = await startSimulator({ control: true })
    const set = await control('PUT', '/faults', { faults: [{ kind: 'server-error', status: 500, count: 1, routes: ['list'] }] })
    expect(set.json).toEqual({ faults: [{ kind: 'server-error', status: 500, count: 1, routes: ['list'] }] })
    await control('POST', '/faults', { faults: [{ kind: 'slow-first-byte', delayMs: 1 }] })
    expect(((await control('GET', '/faults')).json as { faults: unknown[] }).faults).toHaveLength(2)
    expect((await get(sim.baseUrl, '/cases')).status).toBe(500)
    expect(((await control('GET', '/faults')).json as { faults: unknown[] }).faults).toHaveLength(1)
    await control('DELETE', '/faults')
    expect((await control('GET', '/faults')).json).toEqual({ faults: [] })
    const bad = await control('PUT', '/faults', { faults: [{ kind: 'server-error', status: 418 }] })
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ error_details: { field: 'faults.0.status' } })
  })

  it('revokes and adds keys', async () => {
    sim = await startSimulator({ control: true })
    expect((await control('POST', '/keys', { apiKey: 'vdx_new' })).status).toBe(201)
    expect((await get(sim.baseUrl, '/cases', 'vdx_new')).status).toBe(200)
    await control('DELETE', '/keys/vdx_new')
    expect((await get(sim.baseUrl, '/cases', 'vdx_new')).status).toBe(401)
  })

  it.each(['/keys/%E0%A4%A', '/keys/vdx_%zz', '/keys/%'])(
    'answers a malformed percent-encoding in %s with 400 in the envelope',
    async (path) => {
      sim = await startSimulator({ control: true })
      const res = await control('DELETE', path)
      expect(res.status).toBe(400)
      expect(res.json).toEqual({
        error_code: 'simulator.bad-encoding',
        error_message: 'The path holds a malformed percent-encoding, such as a lone % sign.',
      })
      expect((await get(sim.baseUrl, '/cases')).status).toBe(200)
    },
  )
})
