import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createTestContext } from '../testing/mount-app'
import { makeSettings } from '../testing/fixtures'
import type { FakeHandlers } from '../testing/fake-bridge'
import { useSettingsStore } from '../stores/settings'
import RegionSection from './RegionSection.vue'

function mountSection(handlers: FakeHandlers, settings = makeSettings()) {
  const context = createTestContext(handlers)
  useSettingsStore().apply(settings)
  const wrapper = mount(RegionSection, { global: context.global, attachTo: document.body })
  return { ...context, wrapper }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('RegionSection host style', () => {
  it('offers the region’s classic and neo hosts, and saves the one chosen', async () => {
    const { wrapper, fake } = mountSection({ updateSettings: () => makeSettings({ hostStyle: 'neo' }) })
    const select = wrapper.get('#host-style-select')
    expect(select.findAll('option').map((option) => option.text())).toEqual([
      'Classic API (api.uk.veridox.ai)',
      'Neo API (api.uk.neo.veridox.ai)',
    ])
    await select.setValue('neo')
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ hostStyle: 'neo' }]])
    expect(wrapper.text()).toContain('API version saved.')
  })

  it('names the Canadian hosts for Canada, and asks nothing for a custom address', async () => {
    const { wrapper } = mountSection({}, makeSettings({ region: 'ca', hostStyle: 'neo' }))
    expect((wrapper.get('#host-style-select').element as HTMLSelectElement).value).toBe('neo')
    expect(wrapper.get('#host-style-select').text()).toContain('api.ca.neo.veridox.ai')
    useSettingsStore().apply(makeSettings({ region: 'custom', customBaseUrl: 'https://veridox.example.com' }))
    await flushPromises()
    expect(wrapper.find('#host-style-select').exists()).toBe(false)
  })
})

describe('RegionSection while the analyst is typing', () => {
  it('keeps a custom address being typed when a setting changes elsewhere (the tray, a background push)', async () => {
    const { wrapper } = mountSection({})
    await wrapper.get('#region-select').setValue('custom')
    await wrapper.get('#custom-url').setValue('https://veridox.example.com')
    // Do Not Disturb switched from the tray: the endpoint did not change, so nothing being edited may be reset.
    useSettingsStore().apply(makeSettings({ doNotDisturb: true }))
    await flushPromises()
    expect((wrapper.get('#region-select').element as HTMLSelectElement).value).toBe('custom')
    expect((wrapper.get('#custom-url').element as HTMLInputElement).value).toBe('https://veridox.example.com')
  })

  it('follows the saved endpoint when it does change', async () => {
    const { wrapper } = mountSection({})
    useSettingsStore().apply(makeSettings({ region: 'ca' }))
    await flushPromises()
    expect((wrapper.get('#region-select').element as HTMLSelectElement).value).toBe('ca')
  })
})

describe('RegionSection saved line', () => {
  it('says the choice was saved, then clears the line by itself', async () => {
    vi.useFakeTimers()
    try {
      const { wrapper } = mountSection({ updateSettings: () => makeSettings({ region: 'ca' }) })
      await wrapper.get('#region-select').setValue('ca')
      await flushPromises()
      expect(wrapper.text()).toContain('Region saved.')
      vi.advanceTimersByTime(6_100)
      await flushPromises()
      expect(wrapper.text()).not.toContain('Region saved.')
    } finally {
      vi.useRealTimers()
    }
  })
})
