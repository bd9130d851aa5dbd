import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { SettingsView } from '@shared/backend'
import { createTestContext } from '../testing/mount-app'
import { makeSettings } from '../testing/fixtures'
import { getButton } from '../testing/get-button'
import { useSettingsStore } from '../stores/settings'
import { useUpdatesStore } from '../stores/updates'
import SettingsDialog from './SettingsDialog.vue'

function mountDialog(initial: SettingsView = makeSettings()) {
  let current = initial
  const context = createTestContext({
    updateSettings: (patch) => (current = { ...current, ...patch }),
  })
  useSettingsStore().apply(initial)
  const wrapper = mount(SettingsDialog, { props: { open: true }, global: context.global, attachTo: document.body })
  return { ...context, wrapper }
}

describe('SettingsDialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('changes the region straight away', async () => {
    const { wrapper, fake } = mountDialog()
    await wrapper.get('#region-select').setValue('ca')
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ region: 'ca' }]])
  })

  it('checks a custom address before sending it', async () => {
    const { wrapper, fake } = mountDialog()
    await wrapper.get('#region-select').setValue('custom')
    await wrapper.get('#custom-url').setValue('veridox.internal')
    await getButton(wrapper, 'Use address').trigger('click')
    expect(wrapper.get('#region-error').text()).toContain('starting with https://')
    expect(fake.callsTo('updateSettings')).toEqual([])

    await wrapper.get('#custom-url').setValue('https://veridox.internal.example')
    await getButton(wrapper, 'Use address').trigger('click')
    await flushPromises()
    expect(wrapper.get('#region-error').text()).toBe('')
    expect(fake.callsTo('updateSettings')).toEqual([[{ region: 'custom', customBaseUrl: 'https://veridox.internal.example' }]])
  })

  it('chooses light, dark or the system’s appearance straight away', async () => {
    const { wrapper, fake } = mountDialog(makeSettings({ theme: 'system' }))
    const select = wrapper.get('#theme-select')
    expect((select.element as HTMLSelectElement).value).toBe('system')
    expect(select.findAll('option').map((option) => option.text())).toEqual(['Same as the system', 'Light', 'Dark'])
    await select.setValue('dark')
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ theme: 'dark' }]])
  })

  it('chooses comfortable or compact rows straight away', async () => {
    const { wrapper, fake } = mountDialog(makeSettings({ density: 'comfortable' }))
    const select = wrapper.get('#density-select')
    expect(select.findAll('option').map((option) => option.text())).toEqual(['Comfortable', 'Compact'])
    await select.setValue('compact')
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ density: 'compact' }]])
  })

  it('brings a dismissed demo banner back, and offers it only then', async () => {
    const shown = mountDialog(makeSettings({ mode: 'simulator', isDemoBannerDismissed: false }))
    expect(shown.wrapper.text()).not.toContain('Show the demo banner')
    shown.wrapper.unmount()
    const { wrapper, fake } = mountDialog(makeSettings({ mode: 'simulator', isDemoBannerDismissed: true }))
    await getButton(wrapper, 'Show the demo banner').trigger('click')
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ isDemoBannerDismissed: false }]])
  })

  it('turns notifications off', async () => {
    const { wrapper, fake } = mountDialog(makeSettings({ notificationsEnabled: true }))
    const toggle = wrapper.get('input[role="switch"]')
    expect((toggle.element as HTMLInputElement).checked).toBe(true)
    await toggle.setValue(false)
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ notificationsEnabled: false }]])
  })

  it('switches automatic update checks off, and says where updates stand', async () => {
    const { wrapper, fake } = mountDialog(makeSettings({ updatesEnabled: true }))
    useUpdatesStore().apply({ state: 'ready', version: '0.2.0' })
    await flushPromises()
    const updates = wrapper.get('section[aria-labelledby="updates-title"]')
    expect(updates.text()).toContain('Check for updates automatically')
    expect(updates.get('[role="status"]').text()).toBe('Case Monitor 0.2.0 is ready — it installs when you quit.')
    const toggle = updates.get('input[role="switch"]')
    expect((toggle.element as HTMLInputElement).checked).toBe(true)
    await toggle.setValue(false)
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ updatesEnabled: false }]])
  })

  it.each([
    ['keychain_unavailable', 'Showing demo data: your saved API key cannot be read until the system keychain is back.'],
    ['unreadable', 'Showing demo data: your saved API key cannot be read. Enter it again to watch real cases.'],
  ] as const)('says why demo data is shown when the saved key is %s, without inviting a first key', (savedKeyProblem, words) => {
    const { wrapper } = mountDialog(makeSettings({ savedKeyProblem }))
    expect(wrapper.get('.mode').text()).toBe(words)
    expect(wrapper.text()).toContain('Your saved API key cannot be read: the system keychain')
  })

  it('closes from its close button', async () => {
    const { wrapper } = mountDialog()
    expect(wrapper.emitted('close')).toBeUndefined()
    await getButton(wrapper, 'Close settings').trigger('click')
    expect(wrapper.emitted('close')).toEqual([[]])
  })

  it('switches Do Not Disturb on', async () => {
    const { wrapper, fake } = mountDialog()
    await wrapper.get('[data-setting="do-not-disturb"] input').setValue(true)
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ doNotDisturb: true }]])
  })

  it('sets quiet hours, 22:00 to 07:00 unless changed, and turns them off again', async () => {
    const { wrapper, fake } = mountDialog()
    expect(wrapper.find('#quiet-start').exists()).toBe(false)
    await wrapper.get('[data-setting="quiet-hours"] input').setValue(true)
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ quietHours: { start: '22:00', end: '07:00' } }]])
    await wrapper.get('#quiet-end').setValue('06:30')
    await wrapper.get('#quiet-end').trigger('change')
    await flushPromises()
    expect(fake.callsTo('updateSettings')[1]).toEqual([{ quietHours: { start: '22:00', end: '06:30' } }])
    await wrapper.get('#quiet-start').setValue('23:00')
    await wrapper.get('#quiet-start').trigger('change')
    await wrapper.get('#quiet-end').setValue('05:00')
    await wrapper.get('#quiet-end').trigger('change')
    await flushPromises()
    // The second change went out before the first one's reply: it keeps the first.
    expect(fake.callsTo('updateSettings').slice(2)).toEqual([
      [{ quietHours: { start: '23:00', end: '06:30' } }],
      [{ quietHours: { start: '23:00', end: '05:00' } }],
    ])
    await wrapper.get('[data-setting="quiet-hours"] input').setValue(false)
    await flushPromises()
    expect(fake.callsTo('updateSettings')[4]).toEqual([{ quietHours: null }])
  })
})
