import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Credential } from '../../shared/credential-rules'
import type { Simulator } from '../../simulator'
import type { RouteName } from '../../simulator/faults/fault-types'
import { startTestSimulator } from '../monitor/monitor-test-kit'
import { createVeridoxClient, type Fetch, type VeridoxClient } from './veridox-client'
import { VeridoxError } from './veridox-error'

let simulator: Simulator
let foreign: { url: string; seen: IncomingHttpHeaders[]; server: Server }
let token: string
const sent: Headers[] = []

// Records the headers each request leaves with, REST and stream alike.
const recording: Fetch = (input, init) => {
  sent.push(new Headers(init?.headers))
  return fetch(input, init)
}

async function startForeignOrigin(): Promise<typeof foreign> {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    seen.push(req.headers)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server }
}

beforeEach(async () => {
  simulator = await startTestSimulator({ analysisMs: 600 })
  foreign = await startForeignOrigin()
  token = simulator.control.issueAccessToken()
  sent.length = 0
})

afterEach(async () => {
  await simulator.close()
  await new Promise((resolve) => foreign.server.close(resolve))
})

const clientWith = (credential: Credential): VeridoxClient =>
  createVeridoxClient({ baseUrl: simulator.baseUrl, credential, fetch: recording, streamFetch: recording })

function firstStreamOutcome(client: VeridoxClient, caseId: string): Promise<'open' | VeridoxError> {
  return new Promise((resolve) => {
    const stream = client.openStream(caseId, null, {
      onOpen: () => {
        stream.close()
        resolve('open')
      },
      onMessage: () => undefined,
      onActivity: () => undefined,
      onRetryHint: () => undefined,
      onFailure: (failure) => resolve(failure.kind === 'dropped' ? new VeridoxError('internal', 'dropped') : failure.error),
    })
  })
}

describe('an access token goes as Authorization: Bearer on REST, poll and stream alike', () => {
  it('reaches every route the monitor uses, and never as x-api-key', async () => {
    const { caseId } = simulator.control.createCase({ label: 'Token claim', fileLabels: ['a.pdf'] })
    const client = clientWith({ kind: 'access_token', secret: token })
    expect(await client.authStatus()).toMatchObject({ type: 'user' })
    expect((await client.getCase(caseId)).label).toBe('Token claim')
    expect((await client.listCases({ limit: 10, offset: 0 })).cases.map((item) => item.case_id)).toContain(caseId)
    await client.pollProgress(caseId, null)
    expect(await firstStreamOutcome(client, caseId)).toBe('open')
    expect(sent.length).toBeGreaterThanOrEqual(5)
    for (const headers of sent) {
      expect(headers.get('authorization')).toBe(`Bearer ${token}`)
      expect(headers.has('x-api-key')).toBe(false)
    }
  })

  it('an API key still goes as x-api-key, with no Authorization header', async () => {
    const client = clientWith({ kind: 'api_key', secret: 'vdx_simulator' })
    expect(await client.authStatus()).toMatchObject({ type: 'api_key', is_active: true })
    expect(sent.map((headers) => [headers.get('x-api-key'), headers.get('authorization')])).toEqual([['vdx_simulator', null]])
  })

  it('a revoked token is rejected as a key would be: key_rejected', async () => {
    const { caseId } = simulator.control.createCase({ fileLabels: ['a.pdf'] })
    simulator.control.revokeAccessToken(token)
    const error = await clientWith({ kind: 'access_token', secret: token })
      .getCase(caseId)
      .catch((caught: unknown) => caught)
    expect((error as VeridoxError).code).toBe('key_rejected')
  })

  const routes: [RouteName, (client: VeridoxClient, caseId: string) => Promise<unknown>][] = [
    ['get', (client, id) => client.getCase(id)],
    ['poll', (client, id) => client.pollProgress(id, null)],
    ['auth-status', (client) => client.authStatus()],
    ['stream', (client, id) => firstStreamOutcome(client, id).then((outcome) => Promise.reject(outcome))],
  ]

  it.each(routes)('%s: a redirect to another origin is refused, so the token reaches no other host', async (route, call) => {
    const { caseId } = simulator.control.createCase({ fileLabels: ['a.pdf'] })
    simulator.control.setFaults({ faults: [{ kind: 'redirect', location: `${foreign.url}{path}`, routes: [route] }] })
    const error = await call(clientWith({ kind: 'access_token', secret: token }), caseId).catch((caught: unknown) => caught)
    expect((error as VeridoxError).code).toBe('proxy_interference')
    expect(foreign.seen).toEqual([])
  })
})
