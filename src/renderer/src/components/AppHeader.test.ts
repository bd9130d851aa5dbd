import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { SettingsView } from '@shared/backend'
import { createTestContext } from '../testing/mount-app'
import { makeSettings } from '../testing/fixtures'
import { useSettingsStore } from '../stores/settings'
import AppHeader from './AppHeader.vue'

function mountHeader(settings: SettingsView) {
  const context = createTestContext()
  useSettingsStore().apply(settings)
  return mount(AppHeader, { global: context.global, attachTo: document.body })
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('AppHeader', () => {
  it('says when all watching is paused from the tray, and nothing while it runs', () => {
    expect(
      mountHeader(makeSettings({ isPaused: true }))
        .get('[role="status"]')
        .text(),
    ).toBe('Paused')
    expect(mountHeader(makeSettings()).find('[role="status"]').exists()).toBe(false)
  })
})
