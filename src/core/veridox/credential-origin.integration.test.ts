import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import type { RouteName } from '../../simulator/faults/fault-types'
import { openTestMonitor, startTestSimulator, waitFor, type MonitorHarness } from '../monitor/monitor-test-kit'
import { createVeridoxClient, type VeridoxClient } from './veridox-client'
import { VeridoxError } from './veridox-error'

// Another origin on this machine, playing the host a hostile 307 points at: it records what reached it
// and answers like Veridox rejecting a key, which must never be taken as Veridox's verdict.
async function startForeignOrigin(): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    seen.push(req.headers)
    res.writeHead(401, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error_code: 'request.unauthorised', error_message: 'Unauthorised' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server }
}

let simulator: Simulator
let foreign: Awaited<ReturnType<typeof startForeignOrigin>>
let client: VeridoxClient
let harness: MonitorHarness | null = null

beforeEach(async () => {
  simulator = await startTestSimulator({ analysisMs: 800 })
  foreign = await startForeignOrigin()
  client = createVeridoxClient({ baseUrl: simulator.baseUrl, credential: { kind: 'api_key', secret: 'vdx_simulator' }, fetch })
})

afterEach(async () => {
  harness?.monitor.dispose()
  harness = null
  await simulator.close()
  await new Promise((resolve) => foreign.server.close(resolve))
})

const redirectEverything = (routes: RouteName[]) =>
  simulator.control.setFaults({ faults: [{ kind: 'redirect', location: `${foreign.url}{path}`, routes }] })

function streamOnce(caseId: string): Promise<VeridoxError> {
  return new Promise((resolve) => {
    client.openStream(caseId, null, {
      onOpen: () => undefined,
      onMessage: () => undefined,
      onActivity: () => undefined,
      onRetryHint: () => undefined,
      onFailure: (failure) => resolve(failure.kind === 'dropped' ? new VeridoxError('internal', 'dropped') : failure.error),
    })
  })
}

describe('the key goes only to the configured origin', () => {
  const caseId = () => simulator.control.createCase({ fileLabels: ['a.pdf'] }).caseId
  const routes: [RouteName, (id: string) => Promise<unknown>][] = [
    ['get', (id) => client.getCase(id)],
    ['list', () => client.listCases({ limit: 10, offset: 0 })],
    ['poll', (id) => client.pollProgress(id, null)],
    ['auth-status', () => client.authStatus()],
    ['create', () => client.createCase({ label: 'Redirected', fileLabels: ['a.pdf'] })],
    ['stream', (id) => streamOnce(id).then((error) => Promise.reject(error))],
  ]

  it.each(routes)('%s: a redirect to another origin is refused, not followed, and is no verdict on the key', async (route, call) => {
    const id = caseId()
    redirectEverything([route])
    const error = await call(id).then(
      () => null,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(VeridoxError)
    expect((error as VeridoxError).code).toBe('proxy_interference')
    expect(foreign.seen).toEqual([])
  })

  it('streams through their own fetch keep the same rules: the key only to its origin, a redirect refused', async () => {
    const id = caseId()
    const calls = { rest: [] as string[], stream: [] as { url: string; redirect: RequestInit['redirect'] }[] }
    client = createVeridoxClient({
      baseUrl: simulator.baseUrl,
      credential: { kind: 'api_key', secret: 'vdx_simulator' },
      fetch: (input, init) => (calls.rest.push(String(input)), fetch(input, init)),
      streamFetch: (input, init) => (calls.stream.push({ url: String(input), redirect: init?.redirect }), fetch(input, init)),
    })
    redirectEverything(['stream'])
    expect((await streamOnce(id)).code).toBe('proxy_interference')
    expect(foreign.seen).toEqual([])
    expect(calls.stream).toEqual([{ url: `${simulator.baseUrl}/cases/${id}/progress/stream`, redirect: 'manual' }])
    expect(calls.rest).toEqual([])
  })

  it('a monitor whose streams are redirected elsewhere keeps its key, sends it nowhere else and still completes the case', async () => {
    const { caseId: id } = simulator.control.createCase({ label: 'Redirected claim', fileLabels: ['a.pdf'] })
    redirectEverything(['stream'])
    harness = openTestMonitor(simulator)
    harness.monitor.watch([id])
    await waitFor(() => harness!.announcements.length === 1, 15_000, 'the completion')
    expect(harness.monitor.isKeyRejected).toBe(false)
    expect(foreign.seen.filter((headers) => headers['x-api-key'] !== undefined)).toEqual([])
    expect(foreign.seen).toEqual([])
  })

  it('a sign-in page answering 401 (a captive portal) is not Veridox rejecting the key', async () => {
    const { caseId: id } = simulator.control.createCase({ fileLabels: ['a.pdf'] })
    const portal = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'text/html' })
      res.end('<html><body>Sign in to the hotel Wi-Fi</body></html>')
    })
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
    const behindPortal = createVeridoxClient({
      baseUrl: `http://127.0.0.1:${(portal.address() as AddressInfo).port}`,
      credential: { kind: 'api_key', secret: 'vdx_simulator' },
      fetch,
    })
    const error = await behindPortal.getCase(id).catch((caught: unknown) => caught)
    await new Promise((resolve) => portal.close(resolve))
    expect((error as VeridoxError).code).toBe('proxy_interference')
  })
})
