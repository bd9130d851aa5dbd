import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { AppError } from '@shared/errors'
import type { SettingsView } from '@shared/backend'
import { createTestContext } from '../testing/mount-app'
import { makeSettings } from '../testing/fixtures'
import { getButton, hasButton } from '../testing/get-button'
import { useSettingsStore } from '../stores/settings'
import SimulatorBanner from './SimulatorBanner.vue'

function mountBanner(settings: SettingsView) {
  const context = createTestContext()
  useSettingsStore().apply(settings)
  return mount(SimulatorBanner, { global: context.global, attachTo: document.body })
}

const invitation = 'To watch real cases, add your Veridox API key in'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('SimulatorBanner', () => {
  it('invites a newcomer with no key to add one', () => {
    const banner = mountBanner(makeSettings())
    expect(banner.text()).toContain(invitation)
    expect(hasButton(banner, 'Add API key')).toBe(true)
  })

  it('says a saved key cannot be read while the keychain is unavailable, and that it was not deleted', async () => {
    const banner = mountBanner(makeSettings({ savedKeyProblem: 'keychain_unavailable' }))
    expect(banner.text()).toContain(
      'Your saved API key cannot be read: the system keychain is unavailable. It has not been deleted; Case Monitor will use it when the keychain is back — or enter it again.',
    )
    expect(banner.text()).not.toContain(invitation)
    await getButton(banner, 'Enter key again').trigger('click')
    expect(banner.emitted('openSettings')).toEqual([[]])
  })

  it('says a saved key the keychain cannot open was kept, and is replaced by entering it again', () => {
    const banner = mountBanner(makeSettings({ savedKeyProblem: 'unreadable' }))
    expect(banner.text()).toContain(
      'Your saved API key cannot be read: the system keychain could not open it (the keychain changed, or the saved entry is damaged). It was kept on disk; enter the key again to replace it.',
    )
    expect(banner.text()).not.toContain(invitation)
    expect(hasButton(banner, 'Enter key again')).toBe(true)
  })

  it('says the key is saved for another host and must be confirmed for the chosen one', () => {
    const banner = mountBanner(
      makeSettings({
        region: 'ca',
        hasApiKey: true,
        keyProtection: 'os',
        keyEndpoint: 'https://api.uk.veridox.ai',
        isKeyForOtherEndpoint: true,
      }),
    )
    expect(banner.text()).toContain(
      'Your API key is saved for api.uk.veridox.ai and must be confirmed for api.ca.veridox.ai before Case Monitor uses it there.',
    )
    expect(banner.text()).not.toContain(invitation)
    expect(hasButton(banner, 'Confirm key')).toBe(true)
  })

  it('says a key saved before keys were bound must be confirmed for the chosen host', () => {
    const banner = mountBanner(makeSettings({ hasApiKey: true, keyProtection: 'os', keyEndpoint: null, isKeyForOtherEndpoint: true }))
    expect(banner.text()).toContain(
      'Your saved API key is not tied to a Veridox host yet and must be confirmed for api.uk.veridox.ai before Case Monitor uses it there.',
    )
  })

  it('closes for good: the dismissal is saved in settings, and a failure to save is said', async () => {
    let isFailing = false
    const context = createTestContext({
      updateSettings: (patch) => {
        if (isFailing) throw new AppError('internal', 'disk full')
        return makeSettings(patch)
      },
    })
    useSettingsStore().apply(makeSettings())
    const banner = mount(SimulatorBanner, { global: context.global, attachTo: document.body })
    await getButton(banner, 'Hide this message').trigger('click')
    await flushPromises()
    expect(context.fake.callsTo('updateSettings')).toEqual([[{ isDemoBannerDismissed: true }]])
    expect(useSettingsStore().isDemoBannerShown).toBe(false)

    useSettingsStore().apply(makeSettings())
    isFailing = true
    await getButton(banner, 'Hide this message').trigger('click')
    await flushPromises()
    expect(banner.get('[role="alert"]').text()).not.toBe('')
  })
})
