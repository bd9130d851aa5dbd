import { describe, expect, it } from 'vitest'
import type { SettingsView } from '../../shared/backend'
import type { Events } from '../../shared/ipc'
import type { JsonDocument } from '../persistence/json-document'
import { createMemoryDocument } from '../persistence/memory-document'
import { systemClock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import type { BackendSwitcher } from './backend-switcher'
import { createCommandDispatcher } from './command-dispatcher'
import { createCommandHandlers } from './command-handlers'
import { createMemorySecretStore } from './secret-store'
import { createSettingsStore } from './settings-store'
import { describeSettings } from './settings-view'

const saved = { region: 'ca', customBaseUrl: null, notificationsEnabled: false }

function openHandlers(options: { apiKey?: string } = {}) {
  const memory = createMemoryDocument()
  memory.write(saved)
  const writes: Record<string, unknown>[] = []
  const document = {
    read: () => memory.read(),
    write(value) {
      writes.push(structuredClone(value))
      memory.write(value)
    },
    setAside: (reason) => memory.setAside(reason),
  } satisfies JsonDocument
  const settings = createSettingsStore(document, silentLog)
  const secrets = createMemorySecretStore(options.apiKey ?? null)
  let switches = 0
  let savedNotices = 0
  const backend = {
    current: () => null,
    switchBackend: async () => {
      switches += 1
    },
  } satisfies Pick<BackendSwitcher, 'current' | 'switchBackend'>
  const sent: { event: keyof Events; payload: unknown }[] = []
  const handlers = createCommandHandlers({
    backend,
    settings,
    secrets,
    settingsView: () => describeSettings(settings.get(), secrets, null),
    send: (event, payload) => sent.push({ event, payload }),
    clock: systemClock,
    verifyKey: async () => undefined,
    visibleCases: { report: () => undefined },
    updateStatus: () => ({ state: 'off' }),
    onSettingsSaved: () => (savedNotices += 1),
  })
  return { handlers, memory, writes, settings, sent, switches: () => switches, savedNotices: () => savedNotices }
}

describe('updating the settings', () => {
  it.each([
    ['a custom region without an address', { region: 'custom' as const }],
    ['a custom region with plain http off this machine', { region: 'custom' as const, customBaseUrl: 'http://10.0.0.8' }],
    ['an address holding credentials', { customBaseUrl: 'https://analyst:hunter2@veridox.example.com' }],
    ['an address holding a query', { region: 'custom' as const, customBaseUrl: 'https://veridox.example.com/?tenant=1' }],
    ['a valid change alongside a refused one', { notificationsEnabled: true, region: 'custom' as const, customBaseUrl: null }],
  ])('refuses %s without writing anything', async (_why, patch) => {
    const { handlers, memory, writes, settings, sent, savedNotices } = openHandlers()
    const before = JSON.stringify(memory.read())
    await expect(handlers.updateSettings(patch)).rejects.toMatchObject({ code: 'invalid_input' })
    expect(writes).toEqual([])
    expect(savedNotices()).toBe(0)
    expect(JSON.stringify(memory.read())).toBe(before)
    expect(settings.get()).toMatchObject(saved)
    expect(sent).toEqual([])
  })

  it('refuses a custom region without an address arriving over IPC, in words about the address', async () => {
    const { handlers, writes } = openHandlers()
    const result = await createCommandDispatcher(handlers, silentLog)('updateSettings', [{ region: 'custom' }])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/address/) } })
    expect(writes).toEqual([])
  })

  it('writes each valid patch exactly once, keeping the fields it does not name', async () => {
    const { handlers, memory, writes, sent } = openHandlers()
    const view = await handlers.updateSettings({ region: 'custom', customBaseUrl: 'http://127.0.0.1:4010' })
    expect(view).toMatchObject({ region: 'custom', customBaseUrl: 'http://127.0.0.1:4010', notificationsEnabled: false })
    expect(writes).toHaveLength(1)
    expect(memory.read()).toMatchObject({ region: 'custom', customBaseUrl: 'http://127.0.0.1:4010', notificationsEnabled: false })

    await handlers.updateSettings({ customBaseUrl: undefined, notificationsEnabled: true })
    expect(writes).toHaveLength(2)
    expect(writes[1]).toMatchObject({ region: 'custom', customBaseUrl: 'http://127.0.0.1:4010', notificationsEnabled: true })
    expect(sent.map((s) => [s.event, (s.payload as SettingsView).notificationsEnabled])).toEqual([
      ['settingsChanged', false],
      ['settingsChanged', true],
    ])
  })

  it('tells the modules that read the settings once each patch is saved, before it replies', async () => {
    const { handlers, savedNotices } = openHandlers()
    await handlers.updateSettings({ updatesEnabled: false, updateFeedUrl: 'https://releases.example.com/case-monitor' })
    expect(savedNotices()).toBe(1)
  })

  it('switches backend only when a key is set and the host changed', async () => {
    const withoutKey = openHandlers()
    await withoutKey.handlers.updateSettings({ region: 'uk' })
    expect(withoutKey.switches()).toBe(0)

    const withKey = openHandlers({ apiKey: 'vdx_0123456789' })
    await withKey.handlers.updateSettings({ notificationsEnabled: true })
    expect(withKey.switches()).toBe(0)
    await withKey.handlers.updateSettings({ region: 'uk' })
    expect(withKey.switches()).toBe(1)
    expect(withKey.writes).toHaveLength(2)
  })
})
