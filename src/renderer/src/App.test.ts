import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { AppSnapshot } from '@shared/ipc'
import { createTestContext } from './testing/mount-app'
import { makeCase, makeConnection, makeSettings } from './testing/fixtures'
import type { FakeHandlers } from './testing/fake-bridge'
import { getButton } from './testing/get-button'
import { useCasesStore } from './stores/cases'
import App from './App.vue'

function mountApp(handlers: FakeHandlers) {
  const context = createTestContext(handlers)
  const wrapper = mount(App, { global: context.global, attachTo: document.body })
  return { ...context, wrapper }
}

describe('App', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows a loading state until the snapshot arrives, then tells a newcomer what to do', async () => {
    let resolve!: (snapshot: AppSnapshot) => void
    const { wrapper } = mountApp({ getSnapshot: () => new Promise((r) => (resolve = r)) })
    await flushPromises()
    expect(wrapper.text()).toContain('Loading your cases…')

    resolve({ cases: [], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() })
    await flushPromises()
    expect(wrapper.text()).toContain('No cases yet')
    expect(wrapper.text()).toContain('Paste a Veridox case ID or a dashboard link')
  })

  it('puts a light or dark choice on the page, and leaves the system’s own to the media query', async () => {
    const { fake } = mountApp({
      getSnapshot: () => ({ cases: [], settings: makeSettings({ theme: 'dark' }), update: { state: 'off' }, connection: makeConnection() }),
    })
    await flushPromises()
    expect(document.documentElement.dataset.theme).toBe('dark')
    fake.emit('settingsChanged', makeSettings({ theme: 'light' }))
    await flushPromises()
    expect(document.documentElement.dataset.theme).toBe('light')
    fake.emit('settingsChanged', makeSettings({ theme: 'system' }))
    await flushPromises()
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false)
  })

  it('makes demo mode unmissable and starts a demo case from it', async () => {
    const demo = makeCase({ label: 'Demo: passport and payslip' })
    const { wrapper, fake } = mountApp({
      getSnapshot: () => ({
        cases: [],
        settings: makeSettings({ mode: 'simulator' }),
        update: { state: 'off' },
        connection: makeConnection(),
      }),
      startDemoCase: () => demo,
    })
    await flushPromises()
    const banner = wrapper.get('section[aria-labelledby="demo-title"]')
    expect(banner.text()).toContain('demo data')
    expect(banner.text()).toContain('not real Veridox cases')
    expect(banner.text()).toContain('API key')

    expect(wrapper.text()).toContain('No cases yet')
    await getButton(banner, 'Start a demo case').trigger('click')
    await flushPromises()
    expect(fake.callsTo('startDemoCase')).toEqual([[]])
    expect(useCasesStore().get(demo.caseId)).toEqual(demo)
    expect(wrapper.text()).not.toContain('No cases yet')
  })

  it('says at launch that the saved key cannot be read, instead of inviting one', async () => {
    const { wrapper } = mountApp({
      getSnapshot: () => ({
        cases: [],
        settings: makeSettings({ savedKeyProblem: 'keychain_unavailable' }),
        update: { state: 'off' },
        connection: makeConnection(),
      }),
    })
    await flushPromises()
    const banner = wrapper.get('section[aria-labelledby="demo-title"]')
    expect(banner.text()).toContain('Your saved API key cannot be read: the system keychain is unavailable. It has not been deleted;')
    expect(banner.text()).not.toContain('add your Veridox API key')
  })

  it('names the Veridox region and host when following real cases', async () => {
    const { wrapper } = mountApp({
      getSnapshot: () => ({
        cases: [makeCase()],
        settings: makeSettings({ mode: 'veridox', hasApiKey: true, region: 'ca', activeBaseUrl: 'https://api.ca.veridox.ai' }),
        update: { state: 'off' },
        connection: makeConnection(),
      }),
    })
    await flushPromises()
    expect(wrapper.find('section[aria-labelledby="demo-title"]').exists()).toBe(false)
    expect(wrapper.get('header').text()).toContain('Veridox · Canada')
    expect(wrapper.get('header').text()).toContain('api.ca.veridox.ai')
  })

  it('says in words when the cases cannot be loaded, and retries', async () => {
    let calls = 0
    const { wrapper } = mountApp({
      getSnapshot: () => {
        calls += 1
        if (calls === 1) throw new Error('boom')
        return { cases: [], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() }
      },
    })
    await flushPromises()
    expect(wrapper.text()).toContain('Your cases could not be loaded')
    await getButton(wrapper, 'Try again').trigger('click')
    await flushPromises()
    expect(calls).toBe(2)
    expect(wrapper.text()).toContain('No cases yet')
    expect(wrapper.text()).not.toContain('Your cases could not be loaded')
  })
})
