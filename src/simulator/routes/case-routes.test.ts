import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../index'
import { call, get } from '../test-support/http-client'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator({ apiKeys: ['vdx_one', 'vdx_two'], analysisMs: 300 })
})
afterEach(() => sim.close())

const create = (body: unknown, key = 'vdx_one') => call(sim.baseUrl, 'POST', '/cases', { key, body })

describe('POST /cases', () => {
  it('answers 201 with upload URLs that point back at the simulator', async () => {
    const res = await create({ label: 'Claim 1', reference_label: 'CLM-1', file_labels: ['a.pdf', 'b.png'] })
    expect(res.status).toBe(201)
    const body = res.json as {
      case_id: string
      is_locked: boolean
      stream_url: string
      files: { file_id: string; label: string; sas_url: string; expires_at: string }[]
    }
    expect(body.case_id).toMatch(UUID_V7)
    expect(body.is_locked).toBe(false)
    expect(body.stream_url).toBe(`/cases/${body.case_id}/progress`)
    expect(body.files.map((f) => f.label)).toEqual(['a.pdf', 'b.png'])
    for (const file of body.files) {
      expect(file.file_id).toMatch(UUID_V7)
      expect(file.sas_url.startsWith(`${sim.baseUrl}/__blob/${file.file_id}?sig=`)).toBe(true)
      expect(file.expires_at).toMatch(ISO)
    }
  })

  it('refuses a label the key already used, ignoring case, but not another key’s', async () => {
    await create({ label: 'Claim X' })
    const clash = await create({ label: 'CLAIM x' })
    expect(clash.status).toBe(409)
    expect(clash.json).toMatchObject({ error_code: 'request.cases.case.label-conflict' })
    expect((await create({ label: 'Claim X' }, 'vdx_two')).status).toBe(201)
  })

  it('answers validation problems with 400 naming the field, in the error envelope', async () => {
    const res = await create({ label: '' })
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toBe('application/json')
    expect(res.json).toMatchObject({ error_code: 'request.validation.invalid', error_details: { field: 'label' } })
    const badJson = await call(sim.baseUrl, 'POST', '/cases', { key: 'vdx_one', body: '{nope' })
    expect(badJson.json).toMatchObject({ error_details: { field: 'body' } })
    const badFiles = await create({ label: 'ok', file_labels: ['x'.repeat(256)] })
    expect(badFiles.json).toMatchObject({ error_details: { field: 'file_labels.0' } })
  })
})

describe('authentication', () => {
  it('answers 401 in the documented envelope without, or with an unknown, key', async () => {
    for (const key of [null, 'vdx_unknown']) {
      const res = await get(sim.baseUrl, '/cases', key)
      expect(res.status).toBe(401)
      expect(res.json).toEqual({
        error_code: 'request.authentication.invalid-token',
        error_message: 'Unauthorised (invalid or missing authentication token)',
      })
    }
  })

  it('accepts Authorization: Bearer, and refuses a revoked key', async () => {
    const bearer = await call(sim.baseUrl, 'GET', '/cases', { key: null, headers: { authorization: 'Bearer vdx_two' } })
    expect(bearer.status).toBe(200)
    sim.control.revokeKey('vdx_two')
    expect((await get(sim.baseUrl, '/cases', 'vdx_two')).status).toBe(401)
    expect((await get(sim.baseUrl, '/cases?api_key=vdx_one', null)).status).toBe(401)
  })
})

describe('GET /cases and GET /cases/{id}', () => {
  it('lists the key’s own cases newest first, with an exact label filter and paging', async () => {
    for (const label of ['First', 'Second', 'Third']) await create({ label })
    await create({ label: 'Other' }, 'vdx_two')
    const all = await get(sim.baseUrl, '/cases', 'vdx_one')
    const body = all.json as { cases: Record<string, unknown>[]; total: number; limit: number; offset: number }
    expect(body.cases.map((c) => c.label)).toEqual(['Third', 'Second', 'First'])
    expect(body).toMatchObject({ total: 3, limit: 50, offset: 0 })
    expect(Object.keys(body.cases[0]).sort()).toEqual(
      [
        'case_id',
        'created_at',
        'file_analysis_completed_at',
        'file_analysis_status',
        'is_locked',
        'label',
        'locked_at',
        'metadata',
        'reference_label',
        'team_id',
        'team_name',
        'updated_at',
      ].sort(),
    )
    const page = (await get(sim.baseUrl, '/cases?limit=1&offset=1', 'vdx_one')).json
    expect(page).toMatchObject({ cases: [{ label: 'Second' }], total: 3, limit: 1, offset: 1 })
    expect((await get(sim.baseUrl, '/cases?label=second', 'vdx_one')).json).toMatchObject({ cases: [], total: 0 })
    expect((await get(sim.baseUrl, '/cases?label=Second', 'vdx_one')).json).toMatchObject({ total: 1 })
    expect((await get(sim.baseUrl, '/cases?limit=101', 'vdx_one')).json).toMatchObject({ error_details: { field: 'limit' } })
  })

  it('shows details with every file, and 404 for another key’s, unknown or malformed IDs', async () => {
    const { case_id } = (await create({ label: 'Mine', file_labels: ['a.pdf'] })).json as { case_id: string }
    const details = (await get(sim.baseUrl, `/cases/${case_id}`, 'vdx_one')).json
    expect(details).toMatchObject({
      case_id,
      is_locked: false,
      locked_at: null,
      file_analysis_status: 'waiting_for_file_analysis',
      file_analysis_completed_at: null,
      files: [
        {
          label: 'a.pdf',
          mime_type: 'application/pdf',
          analysis_status: 'waiting_for_upload',
          analysis_outcome: null,
          current_analysis_phase: null,
          current_risk_score: null,
          uploaded_at: null,
        },
      ],
    })
    for (const [path, key] of [
      [`/cases/${case_id}`, 'vdx_two'],
      ['/cases/not-a-uuid', 'vdx_one'],
      ['/cases/019bfb3c-1257-7455-af2e-0cd3cadab5c7', 'vdx_one'],
    ]) {
      const res = await get(sim.baseUrl, path, key)
      expect(res.status).toBe(404)
      expect(res.json).toMatchObject({ error_code: 'request.cases.case.not-found' })
    }
  })
})

describe('upload, lock, relabel and more files', () => {
  it('locks at the first upload, analyses once all are uploaded, then refuses more files', async () => {
    const created = (await create({ label: 'Upload me', file_labels: ['a.pdf', 'b.pdf'] })).json as {
      case_id: string
      files: { sas_url: string }[]
    }
    const more = await call(sim.baseUrl, 'POST', `/cases/${created.case_id}/files`, { key: 'vdx_one', body: { file_labels: ['c.jpg'] } })
    expect(more.status).toBe(201)
    const extra = (more.json as { files: { sas_url: string }[] }).files
    expect((await call(sim.baseUrl, 'PUT', created.files[0].sas_url.replace(sim.baseUrl, ''), { key: null, body: 'bytes' })).status).toBe(
      201,
    )
    let details = sim.control.caseDetails(created.case_id) as {
      is_locked: boolean
      locked_at: string
      files: { analysis_status: string }[]
    }
    expect(details.is_locked).toBe(true)
    expect(details.files.map((f) => f.analysis_status)).toEqual(['processing', 'waiting_for_upload', 'waiting_for_upload'])
    const locked = await call(sim.baseUrl, 'POST', `/cases/${created.case_id}/files`, { key: 'vdx_one', body: { file_labels: ['d.jpg'] } })
    expect(locked.status).toBe(409)
    expect(locked.json).toMatchObject({ error_code: 'request.cases.case.already-locked' })
    for (const file of [created.files[1], extra[0]])
      await call(sim.baseUrl, 'PUT', file.sas_url.replace(sim.baseUrl, ''), { key: null, body: 'x' })
    await new Promise((r) => setTimeout(r, 600))
    details = sim.control.caseDetails(created.case_id) as typeof details
    expect(details).toMatchObject({ file_analysis_status: 'file_analysis_complete' })
    expect(details.files.map((f) => f.analysis_status)).toEqual(['settled', 'settled', 'settled'])
  })

  it('refuses an upload with a wrong signature', async () => {
    const created = (await create({ label: 'Sig', file_labels: ['a.pdf'] })).json as { files: { file_id: string }[] }
    expect((await call(sim.baseUrl, 'PUT', `/__blob/${created.files[0].file_id}?sig=wrong`, { key: null, body: 'x' })).status).toBe(403)
  })

  it('relabels, keeping the case-insensitive uniqueness rule', async () => {
    const a = (await create({ label: 'A' })).json as { case_id: string }
    await create({ label: 'B' })
    const clash = await call(sim.baseUrl, 'PUT', `/cases/${a.case_id}`, { key: 'vdx_one', body: { label: 'b' } })
    expect(clash.status).toBe(409)
    const same = await call(sim.baseUrl, 'PUT', `/cases/${a.case_id}`, { key: 'vdx_one', body: { label: 'a' } })
    expect(same.status).toBe(200)
    expect(same.json).toMatchObject({ case_id: a.case_id, label: 'a' })
    expect((await create({ label: 'A' })).status).toBe(409)
  })

  it('answers unknown routes and methods in the envelope', async () => {
    expect((await get(sim.baseUrl, '/nope')).json).toMatchObject({ error_code: 'request.route.not-found' })
    const wrongMethod = await call(sim.baseUrl, 'DELETE', '/cases')
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.allow).toBe('POST, GET')
  })
})
