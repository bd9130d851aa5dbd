import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { SettingsView } from '@shared/backend'
import { getButton } from '../testing/get-button'
import { createTestContext } from '../testing/mount-app'
import type { ConnectionView } from '@shared/connection-view'
import { makeConnection, makeSettings } from '../testing/fixtures'
import { useConnectionStore } from '../stores/connection'
import { useSettingsStore } from '../stores/settings'
import AppHeader from './AppHeader.vue'

function mountHeader(settings: SettingsView, connection: ConnectionView = makeConnection()) {
  const context = createTestContext()
  useSettingsStore().apply(settings)
  useConnectionStore().apply(connection)
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

  it('tells the account connection once, in words with its own icon, not a dot that is always green', () => {
    const live = mountHeader(
      makeSettings({ mode: 'veridox' }),
      makeConnection({ counts: { followed: 3, streaming: 3, polled: 0, listed: 0 } }),
    )
    expect(live.find('.live-dot').exists()).toBe(false)
    expect(live.get('.connection').text()).toBe('Live')
    expect(live.get('.connection').attributes('title')).toBe('3 cases on live updates.')
    const offline = mountHeader(makeSettings(), makeConnection({ state: 'offline', since: Date.now() - 60_000 }))
    expect(offline.get('.connection').text()).toMatch(/^Offline since /)
    expect(offline.get('.connection').classes()).toContain('tone-muted')
    expect(offline.find('.connection svg').exists()).toBe(true)
    const blocked = mountHeader(
      makeSettings(),
      makeConnection({ state: 'streams_blocked', counts: { followed: 2, streaming: 0, polled: 2, listed: 0 } }),
    )
    expect(blocked.get('.connection').text()).toBe('Live updates blocked by a proxy')
  })

  it('leaves a pause to the Paused pill rather than saying it twice', () => {
    const header = mountHeader(makeSettings({ isPaused: true }), makeConnection({ state: 'paused' }))
    expect(header.find('.connection').exists()).toBe(false)
    expect(header.text().match(/Paused/g)).toHaveLength(1)
  })

  it('opens diagnostics from the header', async () => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true
    }
    const header = mountHeader(makeSettings())
    expect(header.find('dialog[open]').exists()).toBe(false)
    await getButton(header, 'Diagnostics').trigger('click')
    expect(header.get('dialog').attributes('open')).toBeDefined()
  })
})
