import { describe, expect, it } from 'vitest'
import { customBaseUrlProblem } from './endpoint-rules'
import { commandInputSchemas, settingsViewSchema, updateStatusSchema } from './ipc-schemas'
import type { SettingsView } from './backend'
import { settingsViewFixture } from './testing/settings-view-fixture'
import { updateFeedUrlProblem, type UpdateStatus } from './updates'

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? '')

const setApiKey = (secret: string) => firstMessage(commandInputSchemas.setCredential.safeParse([{ kind: 'api_key', secret }]))
const setToken = (secret: string, extra: Record<string, unknown> = {}) =>
  firstMessage(commandInputSchemas.setCredential.safeParse([{ kind: 'access_token', secret, ...extra }]))
const setAddress = (customBaseUrl: string) =>
  firstMessage(commandInputSchemas.updateSettings.safeParse([{ region: 'custom', customBaseUrl }]))

describe('the IPC boundary', () => {
  it('refuses a key holding CR LF in words that do not quote it', () => {
    const message = setApiKey('vdx_abc\r\nX-Evil: 1')
    expect(message).toBe('an API key has no spaces, line breaks or special characters')
  })

  it('accepts a key of printable ASCII, trimming what surrounds it', () => {
    expect(setApiKey('  vdx_simulator\n')).toBeNull()
    expect(setApiKey('vdx_abc')).toBe('too short to be an API key')
  })

  it('accepts an access token as long as a JWT is, up to its cap, with a storage choice', () => {
    const jwt = `eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.${'e'.repeat(2000)}.sig`
    expect(setApiKey(jwt)).toBe('too long to be an API key')
    expect(setToken(jwt)).toBeNull()
    expect(setToken(jwt, { storage: 'session' })).toBeNull()
    expect(setToken('t'.repeat(4097))).toBe('too long to be an access token')
    expect(setToken(`${jwt}\r\nX-Evil: 1`)).toBe('an access token has no spaces, line breaks or special characters')
    expect(setToken(jwt, { storage: 'disk' })).not.toBeNull()
    expect(setToken(jwt, { apiKey: 'x' })).not.toBeNull()
    expect(firstMessage(commandInputSchemas.setCredential.safeParse([{ kind: 'password', secret: 'vdx_simulator' }]))).not.toBeNull()
    expect(
      firstMessage(commandInputSchemas.setCredential.safeParse([{ kind: 'access_token', secret: 'e'.repeat(100_000) }])),
    ).not.toBeNull()
  })

  it('accepts the two host styles and nothing else', () => {
    expect(firstMessage(commandInputSchemas.updateSettings.safeParse([{ hostStyle: 'neo' }]))).toBeNull()
    expect(firstMessage(commandInputSchemas.updateSettings.safeParse([{ hostStyle: 'beta' }]))).not.toBeNull()
  })

  it.each([
    'https://veridox.example.com',
    'http://127.42.0.9:4010',
    'https://analyst:hunter2@veridox.example.com',
    'https://veridox.example.com/?',
    'https://veridox.example.com/#',
    'http://10.0.0.8',
    'https://veridox.example.com/\nx',
  ])('judges the address %j exactly as the settings store does, in its words', (address) => {
    expect(setAddress(address)).toBe(customBaseUrlProblem(address))
  })
})

describe('the update settings at the IPC boundary', () => {
  const update = (patch: Record<string, unknown>) => firstMessage(commandInputSchemas.updateSettings.safeParse([patch]))

  it('accept switching updates off and on, and a feed on https or on this computer', () => {
    expect(update({ updatesEnabled: false })).toBeNull()
    expect(update({ updateFeedUrl: 'https://releases.example.com/case-monitor' })).toBeNull()
    expect(update({ updateFeedUrl: 'http://127.0.0.1:8080/feed/' })).toBeNull()
    expect(update({ updateFeedUrl: null })).toBeNull()
  })

  it.each(['http://updates.example.com', 'file:///tmp/feed', 'https://user:pw@updates.example.com', 'not a url'])(
    'refuse the feed %j in the words the settings store uses',
    (updateFeedUrl) => {
      expect(update({ updateFeedUrl })).toBe(updateFeedUrlProblem(updateFeedUrl))
      expect(update({ updateFeedUrl })).toMatch(/update feed/)
    },
  )

  it('refuse a switch that is not a boolean', () => {
    expect(update({ updatesEnabled: 'yes' })).not.toBeNull()
  })
})

describe('the settings the window is sent', () => {
  const view: SettingsView = settingsViewFixture()

  it.each(['keychain_unavailable', 'unreadable', null])('carry a saved key problem of %j', (savedKeyProblem) => {
    expect(settingsViewSchema.safeParse({ ...view, savedKeyProblem }).success).toBe(true)
  })

  it('refuse a saved key problem the window has no words for, or none at all', () => {
    expect(settingsViewSchema.safeParse({ ...view, savedKeyProblem: 'deleted' }).success).toBe(false)
    const { savedKeyProblem: _left, ...without } = view
    expect(settingsViewSchema.safeParse(without).success).toBe(false)
  })

  it.each<UpdateStatus>([
    { state: 'off' },
    { state: 'waiting' },
    { state: 'checking' },
    { state: 'up_to_date', version: '0.1.0' },
    { state: 'available', version: '0.2.0', installsHere: false },
    { state: 'downloading', version: '0.2.0' },
    { state: 'ready', version: '0.2.0' },
    { state: 'failed', failure: 'not_a_feed' },
  ])('carry the update status %j', (update) => {
    expect(updateStatusSchema.safeParse(update).success).toBe(true)
  })

  it('refuse an update status the window has no words for', () => {
    expect(updateStatusSchema.safeParse({ state: 'installing' }).success).toBe(false)
    expect(updateStatusSchema.safeParse({ state: 'failed', failure: 'EACCES /home/analyst' }).success).toBe(false)
    expect(updateStatusSchema.safeParse({ state: 'ready', version: 'soon' }).success).toBe(false)
  })

  it('refuse anything that looks like a key', () => {
    expect(settingsViewSchema.safeParse({ ...view, apiKey: 'vdx_analyst_0123' }).success).toBe(false)
  })

  it('carry the update switch and feed, but not the update status (it has its own event)', () => {
    expect(settingsViewSchema.safeParse({ ...view, updatesEnabled: false, updateFeedUrl: 'https://releases.example.com' }).success).toBe(
      true,
    )
    expect(settingsViewSchema.safeParse({ ...view, update: { state: 'off' } }).success).toBe(false)
  })
})

describe('notification settings and mute at the boundary', () => {
  const update = (patch: unknown) => commandInputSchemas.updateSettings.safeParse([patch]).success

  it('take Do Not Disturb and quiet hours as HH:MM, or none', () => {
    expect(update({ doNotDisturb: true })).toBe(true)
    expect(update({ quietHours: { start: '22:00', end: '07:00' } })).toBe(true)
    expect(update({ quietHours: null })).toBe(true)
    expect(update({ quietHours: { start: '22:00' } })).toBe(false)
    expect(update({ quietHours: { start: '22:00', end: '7pm' } })).toBe(false)
    expect(update({ doNotDisturb: 'yes' })).toBe(false)
  })

  it('mute a case by its ID with a boolean', () => {
    const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
    expect(commandInputSchemas.setCaseMuted.safeParse([{ caseId, isMuted: true }]).success).toBe(true)
    expect(commandInputSchemas.setCaseMuted.safeParse([{ caseId: 'x', isMuted: true }]).success).toBe(false)
    expect(commandInputSchemas.setCaseMuted.safeParse([{ caseId, isMuted: 1 }]).success).toBe(false)
  })
})
