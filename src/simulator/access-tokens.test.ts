import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from './index'
import { call } from './test-support/http-client'

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator({ apiKeys: ['vdx_one', 'vdx_two'], analysisMs: 300 })
})
afterEach(() => sim.close())

const bearer = (path: string, token: string) => call(sim.baseUrl, 'GET', path, { key: null, headers: { authorization: `Bearer ${token}` } })

describe('access tokens (docs/veridox-api.md §1.3–1.4)', () => {
  it('issues a JWT-shaped token whose header says EdDSA, as the documented example does', () => {
    const token = sim.control.issueAccessToken()
    const [header, payload, signature] = token.split('.')
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'JWT' })
    expect(payload.length).toBeGreaterThan(0)
    expect(signature.length).toBeGreaterThan(0)
  })

  it('GET /authentication/status describes a user session for a token, and an API key for a key', async () => {
    const token = sim.control.issueAccessToken('vdx_one')
    const status = await bearer('/authentication/status', token)
    expect(status.status).toBe(200)
    expect(status.json).toEqual({ type: 'user', complete: true, methods: ['password', 'email-otp'], verification_stage: 'verified', token })
    expect((await bearer('/authentication/status', 'vdx_one')).json).toMatchObject({ type: 'api_key', is_active: true })
  })

  it('a token reaches the cases of the key it was issued for, by Bearer only', async () => {
    const { caseId } = sim.control.createCase({ apiKey: 'vdx_two', label: 'Token claim' })
    const token = sim.control.issueAccessToken('vdx_two')
    expect((await bearer(`/cases/${caseId}`, token)).json).toMatchObject({ case_id: caseId, label: 'Token claim' })
    // A JWT is no API key: sent as one it is refused.
    expect((await call(sim.baseUrl, 'GET', `/cases/${caseId}`, { key: token })).status).toBe(401)
    expect((await bearer(`/cases/${caseId}`, sim.control.issueAccessToken('vdx_one'))).status).toBe(404)
  })

  it('an expired or revoked token is 401 everywhere, /authentication/status included', async () => {
    const token = sim.control.issueAccessToken()
    sim.control.revokeAccessToken(token)
    for (const path of ['/authentication/status', '/cases?limit=1&offset=0']) {
      const answer = await bearer(path, token)
      expect(answer.status).toBe(401)
      expect(answer.json).toMatchObject({ error_code: 'request.authentication.invalid-token' })
    }
  })

  it('the stream takes a token as ?access_token= but not as ?api_key=', async () => {
    const { caseId } = sim.control.createCase({ label: 'Stream token claim' })
    const token = sim.control.issueAccessToken()
    const path = (name: string) => `/cases/${caseId}/progress/stream?${name}=${encodeURIComponent(token)}`
    expect((await call(sim.baseUrl, 'GET', path('api_key'), { key: null })).status).toBe(401)
    const controller = new AbortController()
    const response = await fetch(`${sim.baseUrl}${path('access_token')}`, { signal: controller.signal })
    expect(response.status).toBe(200)
    controller.abort()
  })
})
