import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../index'
import { call, get } from '../test-support/http-client'
import { matchesPrefix } from './search-route'

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator({ apiKeys: ['vdx_one', 'vdx_two'], analysisMs: 300 })
})
afterEach(() => sim.close())

describe('GET /files', () => {
  it('lists the key’s files, newest first by default, or by risk score', async () => {
    const a = sim.control.createCase({
      apiKey: 'vdx_one',
      label: 'Alpha',
      fileLabels: ['low.pdf', 'high.pdf'],
      outcomes: ['success', 'success'],
      risks: ['low', 'high'],
    })
    sim.control.createCase({ apiKey: 'vdx_two', fileLabels: ['hidden.pdf'] })
    sim.control.completeCaseNow(a.caseId)
    const byDate = (await get(sim.baseUrl, '/files', 'vdx_one')).json as { files: Record<string, unknown>[]; total: number }
    expect(byDate.total).toBe(2)
    expect(byDate.files.map((f) => f.label)).toEqual(['high.pdf', 'low.pdf'])
    expect(byDate.files[0]).toMatchObject({
      case_id: a.caseId,
      case_label: 'Alpha',
      analysis_status: 'settled',
      current_risk_score: 'high',
    })
    const byRisk = (await get(sim.baseUrl, '/files?sort_by=risk_score&sort_order=asc', 'vdx_one')).json as { files: { label: string }[] }
    expect(byRisk.files.map((f) => f.label)).toEqual(['low.pdf', 'high.pdf'])
    expect((await get(sim.baseUrl, '/files?sort_by=size', 'vdx_one')).json).toMatchObject({ error_details: { field: 'sort_by' } })
  })
})

describe('GET /files/{id}/analysis and risk-score confirmation', () => {
  it('has no results before settling, then the overall risk; confirm needs a risk score', async () => {
    const { caseId, fileIds } = sim.control.createCase({
      apiKey: 'vdx_one',
      fileLabels: ['a.pdf', 'b.pdf'],
      outcomes: ['success', 'failed'],
      risks: ['medium'],
    })
    const confirmA = () =>
      call(sim.baseUrl, 'POST', `/files/${fileIds[0]}/risk-score/confirm`, {
        key: 'vdx_one',
        body: { risk_score: 'High', confirmation_reason: 'checked' },
      })
    const before = await get(sim.baseUrl, `/files/${fileIds[0]}/analysis`, 'vdx_one')
    expect(before.json).toMatchObject({ file_id: fileIds[0], case_id: caseId, analysis_results: null })
    const early = await confirmA()
    expect(early.status).toBe(409)
    expect(early.json).toMatchObject({ error_code: 'request.cases.file.missing-risk-score' })

    sim.control.completeCaseNow(caseId)
    const after = (await get(sim.baseUrl, `/files/${fileIds[0]}/analysis`, 'vdx_one')).json
    expect(after).toMatchObject({ current_risk_score: 'medium', analysis_results: { full_analysis: { overall_risk_score: 'medium' } } })
    expect((await confirmA()).status).toBe(201)
    expect((await get(sim.baseUrl, `/files/${fileIds[0]}/analysis`, 'vdx_one')).json).toMatchObject({ current_risk_score: 'high' })
    const failed = await call(sim.baseUrl, 'POST', `/files/${fileIds[1]}/risk-score/confirm`, {
      key: 'vdx_one',
      body: { risk_score: 'low' },
    })
    expect(failed.json).toMatchObject({ error_code: 'request.cases.file.missing-risk-score' })
    const bad = await call(sim.baseUrl, 'POST', `/files/${fileIds[0]}/risk-score/confirm`, {
      key: 'vdx_one',
      body: { risk_score: 'extreme' },
    })
    expect(bad.json).toMatchObject({ error_details: { field: 'risk_score' } })
    expect((await get(sim.baseUrl, `/files/${fileIds[0]}/analysis`, 'vdx_two')).status).toBe(404)
  })
})

describe('GET /search', () => {
  it('matches prefixes of case and file labels, as a flat list of files', async () => {
    sim.control.createCase({ apiKey: 'vdx_one', label: 'Policy 42', fileLabels: ['scan.pdf'] })
    sim.control.createCase({ apiKey: 'vdx_one', label: 'Other', fileLabels: ['police-report.pdf', 'photo.png'] })
    const res = (await get(sim.baseUrl, '/search?query=pol', 'vdx_one')).json as {
      results: { label: string; case_label: string }[]
      total: number
    }
    expect(res.total).toBe(2)
    expect(res.results.map((r) => `${r.case_label}/${r.label}`).sort()).toEqual(['Other/police-report.pdf', 'Policy 42/scan.pdf'])
    expect((await get(sim.baseUrl, '/search?query=', 'vdx_one')).json).toMatchObject({ error_details: { field: 'query' } })
    expect((await get(sim.baseUrl, `/search?query=${'a'.repeat(101)}`, 'vdx_one')).status).toBe(400)
    expect(matchesPrefix('bank-statement.pdf', 'STATE')).toBe(true)
    expect(matchesPrefix('bank-statement.pdf', 'tement')).toBe(false)
  })
})

describe('GET /authentication/status', () => {
  it('describes an API key, a revoked key, and no credentials', async () => {
    const active = (await get(sim.baseUrl, '/authentication/status', 'vdx_one')).json as Record<string, unknown>
    expect(active).toMatchObject({ type: 'api_key', is_active: true })
    expect(active.organisation_id).toMatch(/^[0-9a-f-]{36}$/)
    expect((await get(sim.baseUrl, '/authentication/status', null)).json).toEqual({ type: 'none' })
    sim.control.revokeKey('vdx_one')
    expect((await get(sim.baseUrl, '/authentication/status', 'vdx_one')).json).toMatchObject({ type: 'api_key', is_active: false })
    expect((await get(sim.baseUrl, '/authentication/status', 'vdx_nobody')).status).toBe(401)
  })
})
