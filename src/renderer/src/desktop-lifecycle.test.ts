import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { AppError } from '@shared/errors'
import type { SettingsView } from '@shared/backend'
import { createTestContext } from './testing/mount-app'
import { makeConnection, makeSettings } from './testing/fixtures'
import type { FakeHandlers } from './testing/fake-bridge'
import { getButton } from './testing/get-button'
import { useSettingsStore } from './stores/settings'
import App from './App.vue'
import SettingsDialog from './components/SettingsDialog.vue'

async function mountApp(settings: SettingsView, handlers: FakeHandlers = {}) {
  const context = createTestContext({
    getSnapshot: () => ({ cases: [], settings, update: { state: 'off' }, connection: makeConnection() }),
    quitApp: () => undefined,
    ...handlers,
  })
  const wrapper = mount(App, { global: context.global, attachTo: document.body })
  await flushPromises()
  return { ...context, wrapper }
}

const quitButton = (wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) => wrapper.find('button[aria-label="Quit Case Monitor"]')

describe('living without a tray', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('offers Quit in the window only where the desktop has no tray', async () => {
    const withTray = await mountApp(makeSettings({ hasTray: true }))
    expect(quitButton(withTray.wrapper).exists()).toBe(false)
    withTray.wrapper.unmount()

    const { wrapper, fake } = await mountApp(makeSettings({ hasTray: false }))
    await quitButton(wrapper).trigger('click')
    expect(fake.callsTo('quitApp')).toEqual([[]])
  })

  it('says why the window was minimised when main reports it, until the analyst dismisses it', async () => {
    const { wrapper, fake } = await mountApp(makeSettings({ hasTray: false }))
    expect(wrapper.text()).not.toContain('Your desktop has no tray')
    fake.emit('closedWithoutTray', null)
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toContain('Your desktop has no tray, so Case Monitor stays in the taskbar')
    expect(wrapper.text()).toContain('Ctrl+Q')
    await getButton(wrapper, 'Got it').trigger('click')
    expect(wrapper.text()).not.toContain('Your desktop has no tray')
  })

  it('quits on Ctrl+Q and Cmd+Q, not on a plain q or Ctrl+Shift+Q', async () => {
    const { fake } = await mountApp(makeSettings({ hasTray: false }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'q' }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Q', ctrlKey: true, shiftKey: true }))
    expect(fake.callsTo('quitApp')).toHaveLength(0)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'q', ctrlKey: true }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'q', metaKey: true }))
    expect(fake.callsTo('quitApp')).toHaveLength(2)
  })
})

describe('the start-at-login switch', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  function mountDialog(initial: SettingsView, updateSettings: FakeHandlers['updateSettings']) {
    const context = createTestContext({ updateSettings })
    useSettingsStore().apply(initial)
    const wrapper = mount(SettingsDialog, { props: { open: true }, global: context.global, attachTo: document.body })
    const toggle = wrapper.findAll('label.switch').find((label) => label.text().includes('Start Case Monitor when you log in'))!
    return { ...context, wrapper, toggle }
  }

  it('says where the app will start, and turns starting at login on', async () => {
    const { toggle, fake } = mountDialog(makeSettings({ hasTray: true, startAtLogin: false }), (patch) => makeSettings(patch))
    expect(toggle.text()).toContain('(in the tray)')
    await toggle.get('input').setValue(true)
    await flushPromises()
    expect(fake.callsTo('updateSettings')).toEqual([[{ startAtLogin: true }]])
    expect(mountDialog(makeSettings({ hasTray: false }), () => makeSettings()).toggle.text()).toContain('(minimised)')
  })

  it('puts the switch back and says so when the system refuses', async () => {
    const { wrapper, toggle } = mountDialog(makeSettings({ startAtLogin: false }), () => {
      throw new AppError('not_available', 'Case Monitor could not change whether it starts when you log in. The log file has the details.')
    })
    await toggle.get('input').setValue(true)
    await flushPromises()
    expect((toggle.get('input').element as HTMLInputElement).checked).toBe(false)
    expect(wrapper.text()).toContain('could not change whether it starts when you log in')
  })
})
