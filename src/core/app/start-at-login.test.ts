import { describe, expect, it } from 'vitest'
import { settingsViewSchema } from '../../shared/ipc-schemas'
import type { LoginItem } from '../desktop/autostart-entry'
import { createMemoryDocument } from '../persistence/memory-document'
import { systemClock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import { createCommandDispatcher as dispatcherOver } from './command-dispatcher'
import { createCommandHandlers } from './command-handlers'
import { createMemorySecretStore } from './secret-store'
import { createSettingsStore } from './settings-store'
import { describeSettings } from './settings-view'

function openHandlers(loginItem: LoginItem | undefined, saved: Record<string, unknown> = {}) {
  const document = createMemoryDocument(saved)
  const settings = createSettingsStore(document, silentLog)
  const secrets = createMemorySecretStore()
  const handlers = createCommandHandlers({
    backend: { current: () => null, switchBackend: async () => undefined },
    settings,
    secrets,
    settingsView: () => describeSettings(settings.get(), secrets, null, { hasTray: false, isPaused: false }),
    send: () => undefined,
    clock: systemClock,
    verifyKey: async () => undefined,
    visibleCases: { report: () => undefined },
    updateStatus: () => ({ state: 'off' }),
    onSettingsSaved: () => undefined,
    loginItem,
  })
  return { handlers, document, settings }
}

describe('start at login', () => {
  it('is off by default and read back from the settings file', () => {
    expect(openHandlers(undefined).settings.get().startAtLogin).toBe(false)
    expect(openHandlers(undefined, { startAtLogin: true }).settings.get().startAtLogin).toBe(true)
    expect(openHandlers(undefined, { startAtLogin: 'yes' }).settings.get().startAtLogin).toBe(false)
  })

  it('saves the setting and registers the login item; switching it off unregisters it', async () => {
    const calls: boolean[] = []
    const { handlers, document } = openHandlers({ setEnabled: (isEnabled) => void calls.push(isEnabled) })
    const view = await handlers.updateSettings({ startAtLogin: true })
    expect(view).toMatchObject({ startAtLogin: true, hasTray: false })
    expect(settingsViewSchema.safeParse(view).success).toBe(true)
    expect(document.read()).toMatchObject({ startAtLogin: true })
    await handlers.updateSettings({ notificationsEnabled: false })
    await handlers.updateSettings({ startAtLogin: false })
    expect(calls).toEqual([true, false])
    expect(document.read()).toMatchObject({ startAtLogin: false })
  })

  it('keeps the setting as it was when the system refuses, and says so in words', async () => {
    const { handlers, document, settings } = openHandlers({
      setEnabled: () => {
        throw new Error('EACCES: permission denied, open /home/ana/.config/autostart/ai.veridox.case-monitor.desktop')
      },
    })
    const result = await dispatcherOver(handlers, silentLog)('updateSettings', [{ startAtLogin: true }])
    expect(result).toMatchObject({ ok: false, error: { code: 'not_available', message: expect.stringMatching(/log in/) } })
    expect(JSON.stringify(result)).not.toContain('/home/ana')
    expect(settings.get().startAtLogin).toBe(false)
    expect(document.read()).not.toMatchObject({ startAtLogin: true })
  })

  it('is refused where there is no way to start at login, saving nothing', async () => {
    const { handlers, document } = openHandlers(undefined)
    await expect(handlers.updateSettings({ startAtLogin: true })).rejects.toMatchObject({ code: 'not_available' })
    expect(document.read()).toEqual({})
  })

  it('takes only a boolean over IPC', async () => {
    const { handlers } = openHandlers({ setEnabled: () => undefined })
    const result = await dispatcherOver(handlers, silentLog)('updateSettings', [{ startAtLogin: 'true' }])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
