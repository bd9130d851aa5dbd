import { afterEach, describe, expect, it } from 'vitest'
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
