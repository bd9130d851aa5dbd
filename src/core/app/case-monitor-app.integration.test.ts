import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CaseView } from '../../shared/case-view'
import type { Events } from '../../shared/ipc'
import { startSimulator, type Simulator } from '../../simulator'
import { waitFor } from '../monitor/monitor-test-kit'
import { createMemoryDocument } from '../persistence/memory-document'
import { systemClock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import { updatesSwitchedOff } from './app-test-kit'
import { createCaseMonitorApp, type CaseMonitorApp } from './case-monitor-app'
import { createCommandDispatcher } from './command-dispatcher'
import type { CompletionNotice } from './completion-notices'
import { createMemorySecretStore, type SecretStore } from './secret-store'
import { createSettingsStore } from './settings-store'

let simulator: Simulator
let app: CaseMonitorApp

afterEach(async () => {
  await app?.dispose()
  await simulator?.close()
})

async function openApp(options: { demoCases?: number; batchIntervalMs?: number } = {}) {
  simulator = await startSimulator({
    analysisMs: 600,
    heartbeatMs: 200,
    retryMs: 100,
    demoCases: options.demoCases ?? 3,
    apiKeys: ['vdx_simulator', 'vdx_other'],
  })
  const events: { event: keyof Events; payload: unknown; at: number }[] = []
  const notices: CompletionNotice[] = []
  const secrets: SecretStore = createMemorySecretStore()
  const settings = createSettingsStore(createMemoryDocument(), silentLog)
  app = createCaseMonitorApp({
    fetch,
    clock: systemClock,
    log: silentLog,
    settings,
    secrets,
    openProfileDocuments: () => ({ watchList: createMemoryDocument(), ledger: createMemoryDocument() }),
    startSimulator: async () => ({ baseUrl: simulator.baseUrl, apiKey: 'vdx_simulator', close: async () => undefined }),
    send: (event, payload) => events.push({ event, payload, at: performance.now() }),
    notify: (notice) => notices.push(notice) > 0,
    updates: updatesSwitchedOff(),
    batchIntervalMs: options.batchIntervalMs ?? 20,
  })
  await app.start()
  return { events, notices, secrets, dispatch: createCommandDispatcher(app.handlers, silentLog) }
}

describe('the desktop app core', () => {
  it('starts on the simulator, watching its demo cases, and coalesces their completions into notices', async () => {
    const { notices } = await openApp({ demoCases: 3 })
    const snapshot = await app.handlers.getSnapshot()
    expect(snapshot.settings).toMatchObject({ mode: 'simulator', hasApiKey: false, activeBaseUrl: simulator.baseUrl })
    expect(snapshot.cases).toHaveLength(3)
    await waitFor(() => app.summary().completed === 3, 15_000, 'demo completions')
    await waitFor(() => notices.length > 0, 5_000, 'a notice')
    expect(notices.length).toBeLessThan(3)
    expect(notices.map((notice) => notice.title).join(' ')).toMatch(/completed|Analysis complete/)
  })

  it('refuses a rejected or revoked key and keeps running on what it had', async () => {
    const { secrets } = await openApp()
    await app.handlers.updateSettings({ region: 'custom', customBaseUrl: simulator.baseUrl })
    await expect(app.handlers.setCredential({ kind: 'api_key', secret: 'vdx_not_a_real_key' })).rejects.toMatchObject({
      code: 'key_rejected',
    })
    simulator.control.revokeKey('vdx_other')
    await expect(app.handlers.setCredential({ kind: 'api_key', secret: 'vdx_other' })).rejects.toMatchObject({
      code: 'key_rejected',
      message: expect.stringMatching(/revoked/),
    })
    expect(secrets.list()).toEqual([])
    expect((await app.handlers.getSnapshot()).settings.mode).toBe('simulator')
  })

  it('switches to Veridox when a key is saved, and back to the simulator when it is removed', async () => {
    const { events } = await openApp({ demoCases: 2 })
    const demoIds = (await app.handlers.getSnapshot()).cases.map((view) => view.caseId)
    await app.handlers.updateSettings({ region: 'custom', customBaseUrl: simulator.baseUrl })
    const settings = await app.handlers.setCredential({ kind: 'api_key', secret: 'vdx_other' })
    expect(settings).toMatchObject({ mode: 'veridox', hasApiKey: true, keyProtection: 'memory', activeBaseUrl: simulator.baseUrl })
    expect(JSON.stringify(settings)).not.toContain('vdx_other')
    expect(events.some((e) => e.event === 'casesRemoved' && demoIds.every((id) => (e.payload as string[]).includes(id)))).toBe(true)
    expect((await app.handlers.getSnapshot()).cases).toEqual([])
    await expect(app.handlers.startDemoCase()).rejects.toMatchObject({ code: 'not_available' })

    const mine = simulator.control.createCase({ apiKey: 'vdx_other', fileLabels: ['a.pdf'] })
    const [view] = await app.handlers.watchCases({ caseIds: [mine.caseId] })
    expect(view!.caseId).toBe(mine.caseId)

    const back = await app.handlers.clearApiKey()
    expect(back).toMatchObject({ mode: 'simulator', hasApiKey: false })
    expect((await app.handlers.getSnapshot()).cases.map((v) => v.caseId).sort()).toEqual([...demoIds].sort())
  })

  it('validates every command at the boundary and hides unexpected failures', async () => {
    const { dispatch } = await openApp()
    expect(await dispatch('openDevTools', [])).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('watchCases', [{ caseIds: ['nope'] }])).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/caseIds/) },
    })
    expect(await dispatch('updateSettings', [{ region: 'custom', customBaseUrl: 'http://10.0.0.8' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await dispatch('updateSettings', [{ region: 'custom' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/address/) },
    })
    const broken = createCommandDispatcher(
      {
        ...app.handlers,
        getSnapshot: () => {
          throw new Error('/home/analyst/secret path')
        },
      },
      silentLog,
    )
    const result = await broken('getSnapshot', [])
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('/home/analyst')
  })

  it('pushes case updates in batches: at most one message per interval, each case once in it, ending on the app’s views', async () => {
    const intervalMs = 200
    const { events } = await openApp({ demoCases: 3, batchIntervalMs: intervalMs })
    const caseIds = (await app.handlers.getSnapshot()).cases.map((view) => view.caseId)
    const changes = () => events.filter((e) => e.event === 'casesChanged')
    const lastPushed = (caseId: string) =>
      changes()
        .flatMap((e) => e.payload as CaseView[])
        .findLast((view) => view.caseId === caseId)
    // Applied as upserts, the pushed views end exactly where the app's are once every case has completed.
    await vi.waitFor(
      async () => {
        const views = (await app.handlers.getSnapshot()).cases
        expect(views.map((view) => view.state)).toEqual(caseIds.map(() => 'completed'))
        expect(views.map((view) => lastPushed(view.caseId))).toEqual(views)
      },
      { timeout: 15_000, interval: 50 },
    )
    // The first message is the snapshot sent when the session opens; the batches follow it.
    const [snapshot, ...batches] = changes()
    expect((snapshot!.payload as CaseView[]).map((view) => view.caseId).sort()).toEqual([...caseIds].sort())
    for (const caseId of caseIds) expect(batches.some((e) => (e.payload as CaseView[]).some((view) => view.caseId === caseId))).toBe(true)
    for (const batch of batches) {
      const ids = (batch.payload as CaseView[]).map((view) => view.caseId)
      expect(new Set(ids).size, ids.join()).toBe(ids.length)
    }
    // Node counts a timer from the start of the loop turn that set it, so a gap can fall a little short of the
    // interval; half of it still rules out one message per event.
    batches.slice(1).forEach((batch, i) => expect(batch.at - batches[i]!.at).toBeGreaterThan(intervalMs / 2))
    expect(batches.length).toBeLessThanOrEqual(Math.floor((batches.at(-1)!.at - snapshot!.at) / intervalMs) + 1)
  })
})
