import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConfDocument } from '../persistence/conf-document'
import { documentedLimits } from '../policy/limits'
import { silentLog, type Log } from '../runtime/log'
import { regionBaseUrl } from '../../shared/backend'
import { createSettingsStore, defaultSettings } from './settings-store'

function storeWith(contents: string, log: Log = silentLog) {
  const directory = mkdtempSync(join(tmpdir(), 'case-monitor-settings-'))
  writeFileSync(join(directory, 'settings.json'), contents)
  const store = createSettingsStore(openConfDocument({ directory, name: 'settings', log: silentLog, now: () => 7 }), log)
  return { store, directory }
}

describe('settings store', () => {
  it('follows the classic host by default, keeps a neo choice, and ignores a style it does not know', () => {
    expect(defaultSettings.hostStyle).toBe('classic')
    expect(storeWith(JSON.stringify({ region: 'ca', hostStyle: 'neo' })).store.get()).toMatchObject({ region: 'ca', hostStyle: 'neo' })
    expect(storeWith(JSON.stringify({ hostStyle: 'beta' })).store.get().hostStyle).toBe('classic')
    expect(regionBaseUrl('ca', null, 'neo')).toBe('https://api.ca.neo.veridox.ai')
    expect(regionBaseUrl('uk', null, 'classic')).toBe('https://api.uk.veridox.ai')
    expect(regionBaseUrl('custom', 'https://veridox.example.com', 'neo')).toBe('https://veridox.example.com')
  })

  it('falls back to defaults when the file is not JSON, keeping the broken file aside', () => {
    const { store, directory } = storeWith('{"region": "ca", "notificationsEnabled": fal')
    expect(store.get()).toEqual(defaultSettings)
    expect(readdirSync(directory)).toContain('settings.json.corrupt-7')
  })

  it('keeps every readable setting and replaces only the unreadable ones', () => {
    const warnings: string[] = []
    const { store } = storeWith(
      JSON.stringify({ region: 'ca', notificationsEnabled: 'yes please', limits: { getPerMin: 120, listPerMin: -4 } }),
      (_level, message, fields) => warnings.push(`${message} ${fields?.setting}`),
    )
    expect(store.get()).toMatchObject({ region: 'ca', notificationsEnabled: true, limits: documentedLimits })
    expect(warnings).toEqual([
      'ignored an unreadable setting and used its default notificationsEnabled',
      'ignored an unreadable setting and used its default limits',
    ])
  })

  it('reads higher limits granted by Veridox', () => {
    const { store } = storeWith(JSON.stringify({ limits: { getPerMin: 120 } }))
    expect(store.get().limits).toEqual({ ...documentedLimits, getPerMin: 120 })
  })

  it('does not keep a custom region without an address', () => {
    const { store } = storeWith(JSON.stringify({ region: 'custom', customBaseUrl: null }))
    expect(store.get().region).toBe('uk')
  })

  it('drops a stored address that would send the key unencrypted across the network', () => {
    const warnings: string[] = []
    const { store } = storeWith(JSON.stringify({ region: 'custom', customBaseUrl: 'http://10.0.0.8' }), (_level, message, fields) =>
      warnings.push(`${message} ${fields?.setting}`),
    )
    expect(store.get()).toMatchObject({ region: 'uk', customBaseUrl: null })
    expect(warnings).toEqual(['ignored an unreadable setting and used its default customBaseUrl'])
  })

  it('refuses a patch that would leave settings unusable and leaves settings.json byte for byte as it was', () => {
    const { store, directory } = storeWith(JSON.stringify({ region: 'ca', notificationsEnabled: false }))
    const before = readFileSync(join(directory, 'settings.json'))
    expect(() => store.update({ region: 'custom', notificationsEnabled: true })).toThrow(/address/)
    expect(() => store.update({ region: 'custom', customBaseUrl: 'http://veridox.example.com' })).toThrow(/https/)
    expect(() => store.update({ limits: { ...documentedLimits, getPerMin: 0 } })).toThrow(/cannot use/)
    expect(readFileSync(join(directory, 'settings.json')).equals(before)).toBe(true)
    expect(store.get()).toMatchObject({ region: 'ca', notificationsEnabled: false })
  })

  it('saves a valid patch', () => {
    const { store, directory } = storeWith('{}')
    store.update({ region: 'custom', customBaseUrl: 'http://[::1]:4010' })
    expect(JSON.parse(readFileSync(join(directory, 'settings.json'), 'utf8'))).toMatchObject({
      region: 'custom',
      customBaseUrl: 'http://[::1]:4010',
    })
  })

  it('keeps Do Not Disturb and quiet hours, refusing a time that is not HH:MM', () => {
    const { store, directory } = storeWith(JSON.stringify({ doNotDisturb: true, quietHours: { start: '22:00', end: '7:00' } }))
    expect(store.get()).toMatchObject({ doNotDisturb: true, quietHours: null })
    store.update({ quietHours: { start: '22:00', end: '07:00' } })
    expect(() => store.update({ quietHours: { start: '25:00', end: '07:00' } })).toThrow(/cannot use/)
    expect(JSON.parse(readFileSync(join(directory, 'settings.json'), 'utf8'))).toMatchObject({
      doNotDisturb: true,
      quietHours: { start: '22:00', end: '07:00' },
    })
    store.update({ quietHours: null, doNotDisturb: false })
    expect(store.get()).toMatchObject({ doNotDisturb: false, quietHours: null })
  })

  it('checks for updates from the built-in feed unless told otherwise', () => {
    expect(storeWith('{}').store.get()).toMatchObject({ updatesEnabled: true, updateFeedUrl: null })
    const { store } = storeWith(JSON.stringify({ updatesEnabled: false, updateFeedUrl: 'https://releases.example.com/case-monitor' }))
    expect(store.get()).toMatchObject({ updatesEnabled: false, updateFeedUrl: 'https://releases.example.com/case-monitor' })
  })

  it('drops a stored update feed that is not https (plain http only on this computer), keeping updates on', () => {
    const warnings: string[] = []
    const { store } = storeWith(JSON.stringify({ updateFeedUrl: 'http://updates.example.com/case-monitor' }), (_level, message, fields) =>
      warnings.push(`${message} ${fields?.setting}`),
    )
    expect(store.get()).toMatchObject({ updatesEnabled: true, updateFeedUrl: null })
    expect(warnings).toEqual(['ignored an unreadable setting and used its default updateFeedUrl'])
    expect(storeWith(JSON.stringify({ updateFeedUrl: 'http://127.0.0.1:8080/feed' })).store.get().updateFeedUrl).toBe(
      'http://127.0.0.1:8080/feed',
    )
  })

  it('refuses to save an update feed that is not https, in words about the feed', () => {
    const { store } = storeWith('{}')
    expect(() => store.update({ updateFeedUrl: 'ftp://updates.example.com' })).toThrow(/update feed/)
    expect(store.update({ updatesEnabled: false, updateFeedUrl: 'https://updates.example.com' })).toMatchObject({
      updatesEnabled: false,
      updateFeedUrl: 'https://updates.example.com',
    })
  })

  it('follows the system theme by default, keeps a light or dark choice, and ignores a theme it does not know', () => {
    expect(defaultSettings.theme).toBe('system')
    expect(storeWith(JSON.stringify({ theme: 'dark', region: 'ca' })).store.get()).toMatchObject({ theme: 'dark', region: 'ca' })
    expect(storeWith(JSON.stringify({ theme: 'sepia', region: 'ca' })).store.get()).toMatchObject({ theme: 'system', region: 'ca' })
    const { store } = storeWith('{}')
    expect(store.update({ theme: 'light' }).theme).toBe('light')
  })

  it('shows comfortable rows by default, keeps compact, and ignores a density it does not know', () => {
    expect(defaultSettings.density).toBe('comfortable')
    expect(storeWith(JSON.stringify({ density: 'compact', theme: 'dark' })).store.get()).toMatchObject({
      density: 'compact',
      theme: 'dark',
    })
    expect(storeWith(JSON.stringify({ density: 'tiny', theme: 'dark' })).store.get()).toMatchObject({
      density: 'comfortable',
      theme: 'dark',
    })
    const { store } = storeWith('{}')
    expect(store.update({ density: 'compact' }).density).toBe('compact')
  })

  it('remembers that the demo banner was dismissed, and shows it when the file says nothing usable', () => {
    expect(defaultSettings.isDemoBannerDismissed).toBe(false)
    expect(storeWith(JSON.stringify({ isDemoBannerDismissed: true })).store.get().isDemoBannerDismissed).toBe(true)
    expect(storeWith(JSON.stringify({ isDemoBannerDismissed: 'yes' })).store.get().isDemoBannerDismissed).toBe(false)
    const { store } = storeWith('{}')
    expect(store.update({ isDemoBannerDismissed: true }).isDemoBannerDismissed).toBe(true)
  })
})
