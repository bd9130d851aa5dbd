import { afterEach, describe, expect, it } from 'vitest'
import type { SettingsView } from '../../shared/backend'
import { startSimulator, type Simulator } from '../../simulator'
import { createMemoryDocument } from '../persistence/memory-document'
import { systemClock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import { updatesSwitchedOff } from './app-test-kit'
import { createCaseMonitorApp, type CaseMonitorApp } from './case-monitor-app'
import { createCommandDispatcher } from './command-dispatcher'
import { createMemorySecretStore, type SecretStore } from './secret-store'
import { createSettingsStore } from './settings-store'

const analystKey = 'vdx_analyst_0123'
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

const simulators: Simulator[] = []
let app: CaseMonitorApp | null = null

afterEach(async () => {
  await app?.dispose()
  app = null
  for (const simulator of simulators.splice(0)) await simulator.close()
})

async function startHost(apiKeys = ['vdx_simulator', analystKey]): Promise<Simulator> {
  const simulator = await startSimulator({ analysisMs: 600, heartbeatMs: 200, retryMs: 100, demoCases: 0, apiKeys })
  simulators.push(simulator)
  return simulator
}

/** Real fetch over loopback, noting which origin each request went to and which key it carried. */
function recordingFetch() {
  const sent: { origin: string; path: string; apiKey: string | null; authorization: string | null }[] = []
  const recorded: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
    sent.push({ origin: url.origin, path: url.pathname, apiKey: headers.get('x-api-key'), authorization: headers.get('authorization') })
    // This machine reaches no host but its own; a request elsewhere fails as an unreachable one would.
    if (!loopbackHosts.has(url.hostname)) throw new TypeError('fetch failed')
    return fetch(input, init)
  }
  const keyedRequestsTo = (origin: string) => sent.filter((request) => request.origin === origin && request.apiKey === analystKey)
  return { fetch: recorded, sent, keyedRequestsTo }
}

async function openApp(options: { settings?: Record<string, unknown>; secrets?: SecretStore } = {}) {
  const embedded = await startSimulator({ analysisMs: 600, heartbeatMs: 200, retryMs: 100, demoCases: 1 })
  simulators.push(embedded)
  const recorder = recordingFetch()
  app = createCaseMonitorApp({
    fetch: recorder.fetch,
    clock: systemClock,
    log: silentLog,
    settings: createSettingsStore(createMemoryDocument(options.settings), silentLog),
    secrets: options.secrets ?? createMemorySecretStore(),
    openProfileDocuments: () => ({ watchList: createMemoryDocument(), ledger: createMemoryDocument() }),
    startSimulator: async () => ({ baseUrl: embedded.baseUrl, apiKey: 'vdx_simulator', close: async () => undefined }),
    send: () => undefined,
    notify: () => true,
    updates: updatesSwitchedOff(),
    batchIntervalMs: 20,
  })
  await app.start()
  const dispatch = createCommandDispatcher(app.handlers, silentLog)
  const confirm = async (endpoint: string) => dispatch('confirmKeyEndpoint', [{ endpoint }])
  return { ...recorder, embedded, handlers: app.handlers, dispatch, confirm }
}

async function keySavedForA() {
  const hostA = await startHost()
  const hostB = await startHost()
  const opened = await openApp()
  await opened.handlers.updateSettings({ region: 'custom', customBaseUrl: hostA.baseUrl })
  expect(await opened.handlers.setCredential({ kind: 'api_key', secret: analystKey })).toMatchObject({
    mode: 'veridox',
    activeBaseUrl: hostA.baseUrl,
  })
  return { ...opened, hostA, hostB }
}

describe('a saved key is bound to the endpoint it was saved for', () => {
  it('sends nothing with the key to a newly chosen host, says the key is for the other host and follows the simulator', async () => {
    const { handlers, hostA, hostB, embedded, keyedRequestsTo } = await keySavedForA()
    const view = await handlers.updateSettings({ customBaseUrl: hostB.baseUrl })

    expect(view).toMatchObject({
      mode: 'simulator',
      hasApiKey: true,
      keyEndpoint: hostA.baseUrl,
      isKeyForOtherEndpoint: true,
      activeBaseUrl: embedded.baseUrl,
    } satisfies Partial<SettingsView>)
    expect((await handlers.getSnapshot()).settings).toEqual(view)
    expect(keyedRequestsTo(hostB.baseUrl)).toEqual([])
    expect(hostB.control.stats().requestsByRoute).toEqual({})
  })

  it('moves the key once the analyst confirms it: the new host is asked first, then followed', async () => {
    const { handlers, hostB, confirm, keyedRequestsTo } = await keySavedForA()
    await handlers.updateSettings({ customBaseUrl: hostB.baseUrl })

    const moved = await confirm(hostB.baseUrl)
    expect(moved).toMatchObject({
      ok: true,
      value: { mode: 'veridox', keyEndpoint: hostB.baseUrl, isKeyForOtherEndpoint: false, activeBaseUrl: hostB.baseUrl },
    })
    expect(keyedRequestsTo(hostB.baseUrl)[0]?.path).toBe('/authentication/status')
    const mine = hostB.control.createCase({ apiKey: analystKey, fileLabels: ['a.pdf'] })
    expect((await handlers.watchCases({ caseIds: [mine.caseId] })).map((view) => view.caseId)).toEqual([mine.caseId])
  })

  it('keeps the key where it was when the new host rejects it', async () => {
    const { handlers, hostA, confirm } = await keySavedForA()
    const refusing = await startHost(['vdx_simulator'])
    await handlers.updateSettings({ customBaseUrl: refusing.baseUrl })

    expect(await confirm(refusing.baseUrl)).toMatchObject({ ok: false, error: { code: 'key_rejected' } })
    expect((await handlers.getSnapshot()).settings).toMatchObject({
      mode: 'simulator',
      keyEndpoint: hostA.baseUrl,
      isKeyForOtherEndpoint: true,
    })
  })

  it('does not move the key to a host that cannot be asked', async () => {
    const { handlers, hostA, confirm } = await keySavedForA()
    const gone = await startHost()
    await gone.close()
    simulators.splice(simulators.indexOf(gone), 1)
    await handlers.updateSettings({ customBaseUrl: gone.baseUrl })

    expect(await confirm(gone.baseUrl)).toMatchObject({ ok: false, error: { code: 'network_unreachable' } })
    expect((await handlers.getSnapshot()).settings).toMatchObject({ mode: 'simulator', keyEndpoint: hostA.baseUrl })
  })

  it('refuses a confirmation for a host other than the chosen one, or one that is not an allowed address', async () => {
    const { handlers, hostA, hostB, dispatch, confirm, keyedRequestsTo } = await keySavedForA()
    await handlers.updateSettings({ customBaseUrl: hostB.baseUrl })

    expect(await confirm(hostA.baseUrl)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await confirm('http://10.0.0.8')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /https/ } })
    expect(await dispatch('confirmKeyEndpoint', [{}])).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('confirmKeyEndpoint', [{ endpoint: hostB.baseUrl, apiKey: analystKey }])).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(keyedRequestsTo(hostB.baseUrl)).toEqual([])
  })

  it('goes back to a host the key was saved for without asking again', async () => {
    const { handlers, hostA, hostB, sent } = await keySavedForA()
    const keyChecksOnA = () => sent.filter((request) => request.origin === hostA.baseUrl && request.path === '/authentication/status')
    expect(keyChecksOnA()).toHaveLength(1)
    await handlers.updateSettings({ customBaseUrl: hostB.baseUrl })
    expect(await handlers.updateSettings({ customBaseUrl: hostA.baseUrl })).toMatchObject({
      mode: 'veridox',
      activeBaseUrl: hostA.baseUrl,
      isKeyForOtherEndpoint: false,
    })
    expect(keyChecksOnA()).toHaveLength(1)
  })
})

describe('a saved key bound to nothing', () => {
  it('is kept but used nowhere until the analyst confirms it for the chosen host', async () => {
    const host = await startHost()
    const secrets = createMemorySecretStore(analystKey, null)
    const { handlers, embedded, confirm, keyedRequestsTo } = await openApp({
      settings: { region: 'custom', customBaseUrl: host.baseUrl },
      secrets,
    })

    expect((await handlers.getSnapshot()).settings).toMatchObject({
      mode: 'simulator',
      hasApiKey: true,
      keyEndpoint: null,
      isKeyForOtherEndpoint: true,
      activeBaseUrl: embedded.baseUrl,
    })
    expect(keyedRequestsTo(host.baseUrl)).toEqual([])
    expect(secrets.list()).toMatchObject([{ kind: 'api_key', secret: analystKey, endpoint: null }])

    expect(await confirm(host.baseUrl)).toMatchObject({ ok: true, value: { mode: 'veridox', activeBaseUrl: host.baseUrl } })
    expect(secrets.list()).toMatchObject([{ kind: 'api_key', secret: analystKey, endpoint: host.baseUrl }])
  })

  it('is never sent anywhere when settings.json points it at plain http off this machine', async () => {
    const { handlers, sent } = await openApp({
      settings: { region: 'custom', customBaseUrl: 'http://10.0.0.8:4010' },
      secrets: createMemorySecretStore(analystKey, 'http://10.0.0.8:4010'),
    })

    expect((await handlers.getSnapshot()).settings).toMatchObject({ mode: 'simulator', isKeyForOtherEndpoint: true })
    expect(sent.filter((request) => request.apiKey === analystKey)).toEqual([])
    expect(sent.filter((request) => !loopbackHosts.has(new URL(request.origin).hostname))).toEqual([])
  })
})

describe('a credential per endpoint', () => {
  it('keeps each host’s own credential, of its own kind, and uses the one saved for the host chosen now', async () => {
    const hostA = await startHost()
    const hostB = await startHost()
    const token = hostB.control.issueAccessToken(analystKey)
    const { handlers, sent } = await openApp()
    await handlers.updateSettings({ region: 'custom', customBaseUrl: hostA.baseUrl })
    await handlers.setCredential({ kind: 'api_key', secret: analystKey })
    await handlers.updateSettings({ customBaseUrl: hostB.baseUrl })
    expect((await handlers.getSnapshot()).settings).toMatchObject({
      mode: 'simulator',
      isKeyForOtherEndpoint: true,
      keyEndpoint: hostA.baseUrl,
    })
    expect(await handlers.setCredential({ kind: 'access_token', secret: token })).toMatchObject({
      mode: 'veridox',
      activeBaseUrl: hostB.baseUrl,
      credentialKind: 'access_token',
      keyEndpoint: hostB.baseUrl,
    })

    const onB = hostB.control.createCase({ apiKey: analystKey, fileLabels: ['a.pdf'] })
    await handlers.watchCases({ caseIds: [onB.caseId] })
    expect(await handlers.updateSettings({ customBaseUrl: hostA.baseUrl })).toMatchObject({
      mode: 'veridox',
      activeBaseUrl: hostA.baseUrl,
      credentialKind: 'api_key',
      keyEndpoint: hostA.baseUrl,
    })
    const onA = hostA.control.createCase({ apiKey: analystKey, fileLabels: ['a.pdf'] })
    expect((await handlers.watchCases({ caseIds: [onA.caseId] })).map((view) => view.caseId)).toEqual([onA.caseId])

    // Each credential went only to its own host.
    expect(sent.filter((request) => request.origin === hostB.baseUrl && request.apiKey !== null)).toEqual([])
    expect(sent.filter((request) => request.origin === hostA.baseUrl && request.authorization !== null)).toEqual([])
    expect(sent.some((request) => request.origin === hostB.baseUrl && request.authorization === `Bearer ${token}`)).toBe(true)

    // Removing the chosen host's credential leaves the other host's in place.
    expect(await handlers.clearApiKey()).toMatchObject({ mode: 'simulator', keyEndpoint: hostB.baseUrl, isKeyForOtherEndpoint: true })
    expect(await handlers.updateSettings({ customBaseUrl: hostB.baseUrl })).toMatchObject({
      mode: 'veridox',
      credentialKind: 'access_token',
    })
  })
})
