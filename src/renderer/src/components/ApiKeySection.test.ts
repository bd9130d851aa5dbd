import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { AppError } from '@shared/errors'
import { createTestContext } from '../testing/mount-app'
import { makeSettings } from '../testing/fixtures'
import type { FakeHandlers } from '../testing/fake-bridge'
import { getButton, hasButton } from '../testing/get-button'
import { useSettingsStore } from '../stores/settings'
import ApiKeySection from './ApiKeySection.vue'

const KEY = 'vdx_live_7Hq2mZk9Lr4pWx'

function mountSection(handlers: FakeHandlers, hasApiKey = false) {
  const context = createTestContext(handlers)
  useSettingsStore().apply(makeSettings({ hasApiKey }))
  // Attached, because a submit button submits only a form in the document.
  const wrapper = mount(ApiKeySection, { global: context.global, attachTo: document.body })
  return { ...context, wrapper }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('ApiKeySection', () => {
  it('sends the key once, clears the field and then only says that a key is saved', async () => {
    const { wrapper, fake } = mountSection({
      setCredential: () => makeSettings({ mode: 'veridox', hasApiKey: true }),
    })
    const field = wrapper.get('input[type="password"]')
    await field.setValue(KEY)
    await getButton(wrapper, 'Save key').trigger('click')
    await flushPromises()

    expect(fake.callsTo('setCredential')).toEqual([[{ kind: 'api_key', secret: KEY }]])
    expect(wrapper.find('input[type="password"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('A key is saved')
    expect(wrapper.html()).not.toContain(KEY)
    expect(JSON.stringify(useSettingsStore().$state)).not.toContain(KEY)
  })

  it('shows a rejected key in words and does not keep the key', async () => {
    const { wrapper } = mountSection({
      setCredential: () => {
        throw new AppError('key_rejected', `401 for ${KEY}`)
      },
    })
    await wrapper.get('input[type="password"]').setValue(KEY)
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toContain('Veridox rejected that key')
    expect((wrapper.get('input[type="password"]').element as HTMLInputElement).value).toBe('')
    expect(wrapper.html()).not.toContain(KEY)
  })

  it('explains an input the key check refused', async () => {
    const { wrapper } = mountSection({
      setCredential: () => {
        throw new AppError('invalid_input', 'apiKey: too short to be an API key')
      },
    })
    await wrapper.get('input[type="password"]').setValue('short')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('does not look like an API key')
  })

  it('removes a saved key', async () => {
    const { wrapper, fake } = mountSection({ clearApiKey: () => makeSettings({ hasApiKey: false }) }, true)
    expect(wrapper.find('input[type="password"]').exists()).toBe(false)
    await getButton(wrapper, 'Remove key').trigger('click')
    await flushPromises()

    expect(fake.callsTo('clearApiKey')).toEqual([[]])
    expect(wrapper.find('input[type="password"]').exists()).toBe(true)
    expect(wrapper.text()).not.toContain('A key is saved')
  })

  it('replaces a saved key only once a new one is saved, and can go back', async () => {
    const { wrapper, fake } = mountSection({ setCredential: () => makeSettings({ mode: 'veridox', hasApiKey: true }) }, true)
    await getButton(wrapper, 'Replace key').trigger('click')
    expect(wrapper.text()).not.toContain('A key is saved')
    await getButton(wrapper, 'Cancel').trigger('click')
    expect(wrapper.text()).toContain('A key is saved')
    expect(wrapper.find('input[type="password"]').exists()).toBe(false)
    expect(fake.calls).toEqual([])

    await getButton(wrapper, 'Replace key').trigger('click')
    await wrapper.get('input[type="password"]').setValue(KEY)
    await getButton(wrapper, 'Save key').trigger('click')
    await flushPromises()
    expect(fake.callsTo('setCredential')).toEqual([[{ kind: 'api_key', secret: KEY }]])
    expect(wrapper.text()).toContain('A key is saved')
    expect(hasButton(wrapper, 'Cancel')).toBe(false)
  })
})

describe('ApiKeySection with an access token', () => {
  const TOKEN = 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbmFseXN0In0.c2lnbmF0dXJl'

  it('sends an access token as one, and then says a token is saved', async () => {
    const { wrapper, fake } = mountSection({
      setCredential: () => makeSettings({ mode: 'veridox', hasApiKey: true, credentialKind: 'access_token', keyProtection: 'os' }),
    })
    await wrapper.get('input[type="radio"][value="access_token"]').setValue(true)
    expect(wrapper.get('label[for="api-key-input"]').text()).toBe('Veridox access token')
    await wrapper.get('input[type="password"]').setValue(TOKEN)
    await getButton(wrapper, 'Save token').trigger('click')
    await flushPromises()

    expect(fake.callsTo('setCredential')).toEqual([[{ kind: 'access_token', secret: TOKEN }]])
    expect(wrapper.text()).toContain('An access token is saved')
    expect(wrapper.html()).not.toContain(TOKEN)
    expect(JSON.stringify(useSettingsStore().$state)).not.toContain(TOKEN)
  })

  it('explains a rejected token as expired or revoked, and does not keep it', async () => {
    const { wrapper } = mountSection({
      setCredential: () => {
        throw new AppError('key_rejected', `401 for ${TOKEN}`)
      },
    })
    await wrapper.get('input[type="radio"][value="access_token"]').setValue(true)
    await wrapper.get('input[type="password"]').setValue(TOKEN)
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Veridox did not accept this access token (expired or revoked?). Copy a new one from the Veridox dashboard, or use an API key.',
    )
    expect((wrapper.get('input[type="password"]').element as HTMLInputElement).value).toBe('')
    expect(wrapper.html()).not.toContain(TOKEN)
  })
})

describe('ApiKeySection where Linux offers only basic_text', () => {
  const warning = 'This computer has no system keychain Case Monitor can use (only Linux’s basic_text fallback)'

  it('says so before saving and keeps the credential for this session only unless the analyst chooses otherwise', async () => {
    const { wrapper, fake } = mountSection({
      setCredential: () => makeSettings({ mode: 'veridox', hasApiKey: true, keyProtection: 'memory', keychain: 'obfuscated' }),
    })
    useSettingsStore().apply(makeSettings({ keychain: 'obfuscated' }))
    await nextTick()
    expect(wrapper.text()).toContain(warning)
    expect((wrapper.get('input[type="radio"][value="session"]').element as HTMLInputElement).checked).toBe(true)
    expect(wrapper.text()).toContain('Keep for this session only')
    expect(wrapper.text()).toContain('Store anyway (readable by other programs on this computer)')

    await wrapper.get('input[type="password"]').setValue(KEY)
    await getButton(wrapper, 'Save key').trigger('click')
    await flushPromises()
    expect(fake.callsTo('setCredential')).toEqual([[{ kind: 'api_key', secret: KEY, storage: 'session' }]])
    expect(wrapper.text()).toContain('Kept for this session only: Case Monitor forgets it when it quits.')
  })

  it('stores it anyway when the analyst chooses to, and says how it is kept', async () => {
    const { wrapper, fake } = mountSection({
      setCredential: () => makeSettings({ mode: 'veridox', hasApiKey: true, keyProtection: 'obfuscated', keychain: 'obfuscated' }),
    })
    useSettingsStore().apply(makeSettings({ keychain: 'obfuscated' }))
    await nextTick()
    await wrapper.get('input[type="radio"][value="keychain"]').setValue(true)
    await wrapper.get('input[type="password"]').setValue(KEY)
    await getButton(wrapper, 'Save key').trigger('click')
    await flushPromises()
    expect(fake.callsTo('setCredential')).toEqual([[{ kind: 'api_key', secret: KEY, storage: 'keychain' }]])
    expect(wrapper.text()).toContain('Stored with Linux’s basic_text fallback: other programs on this computer can read it.')
  })

  it('asks nothing where a real keychain protects it', () => {
    const { wrapper } = mountSection({})
    expect(wrapper.text()).not.toContain(warning)
    expect(wrapper.find('input[type="radio"][value="session"]').exists()).toBe(false)
  })
})

describe('ApiKeySection key protection', () => {
  it('warns when the key will be forgotten at quit', async () => {
    const { wrapper } = mountSection({}, true)
    useSettingsStore().apply(makeSettings({ mode: 'veridox', hasApiKey: true, keyProtection: 'memory', keychain: 'unavailable' }))
    await nextTick()
    expect(wrapper.text()).toContain('kept only until the app quits')
  })
})

describe('ApiKeySection with a key saved for another host', () => {
  const movedAway = makeSettings({
    mode: 'simulator',
    region: 'custom',
    customBaseUrl: 'https://veridox.example.com/api',
    hasApiKey: true,
    keyProtection: 'os',
    keyEndpoint: 'https://api.uk.veridox.ai',
    isKeyForOtherEndpoint: true,
  })

  function mountMovedAway(handlers: FakeHandlers, settings = movedAway) {
    const context = createTestContext(handlers)
    useSettingsStore().apply(settings)
    const wrapper = mount(ApiKeySection, { global: context.global, attachTo: document.body })
    return { ...context, wrapper }
  }

  it('says which host the key is for and offers to use it on the chosen one', () => {
    const { wrapper } = mountMovedAway({})
    expect(wrapper.text()).toContain(
      'Your saved key is for api.uk.veridox.ai. Enter a key for veridox.example.com, or use the saved key there.',
    )
    expect(wrapper.text()).not.toContain('A key is saved')
    expect(hasButton(wrapper, 'Use the saved key on veridox.example.com')).toBe(true)
  })

  it('names a saved access token as one', () => {
    const { wrapper } = mountMovedAway({}, { ...movedAway, credentialKind: 'access_token' })
    expect(wrapper.text()).toContain(
      'Your saved access token is for api.uk.veridox.ai. Enter a key for veridox.example.com, or use the saved access token there.',
    )
    expect(hasButton(wrapper, 'Use the saved access token on veridox.example.com')).toBe(true)
  })

  it('says a key from before keys were bound is tied to no host yet', () => {
    const { wrapper } = mountMovedAway({}, { ...movedAway, keyEndpoint: null })
    expect(wrapper.text()).toContain('Your saved key is not tied to a Veridox host yet. Enter a key for veridox.example.com')
  })

  it('moves the key to the chosen host when confirmed, then shows it as saved', async () => {
    const { wrapper, fake } = mountMovedAway({
      confirmKeyEndpoint: () => ({
        ...movedAway,
        mode: 'veridox',
        keyEndpoint: 'https://veridox.example.com',
        isKeyForOtherEndpoint: false,
      }),
    })
    await getButton(wrapper, 'Use the saved key on veridox.example.com').trigger('click')
    await flushPromises()

    expect(fake.callsTo('confirmKeyEndpoint')).toEqual([[{ endpoint: 'https://veridox.example.com' }]])
    expect(wrapper.text()).toContain('A key is saved')
  })

  it('keeps offering the choice, with the reason in words, when the chosen host rejects the key', async () => {
    const { wrapper } = mountMovedAway({
      confirmKeyEndpoint: () => {
        throw new AppError('key_rejected', `401 for ${KEY}`)
      },
    })
    await getButton(wrapper, 'Use the saved key on veridox.example.com').trigger('click')
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toContain('Veridox rejected that key')
    expect(wrapper.html()).not.toContain(KEY)
    expect(hasButton(wrapper, 'Use the saved key on veridox.example.com')).toBe(true)
  })

  it('lets the analyst enter a new key for the chosen host instead', async () => {
    const { wrapper, fake } = mountMovedAway({})
    await getButton(wrapper, 'Enter a new key').trigger('click')
    expect(wrapper.find('input[type="password"]').exists()).toBe(true)
    expect(fake.calls).toEqual([])
  })
})

describe('ApiKeySection with a saved key that cannot be read', () => {
  function mountWithProblem(handlers: FakeHandlers, savedKeyProblem: 'keychain_unavailable' | 'unreadable') {
    const context = createTestContext(handlers)
    useSettingsStore().apply(makeSettings({ savedKeyProblem }))
    const wrapper = mount(ApiKeySection, { global: context.global, attachTo: document.body })
    return { ...context, wrapper }
  }

  it('says the keychain is unavailable and the key was not deleted, and takes the key again', async () => {
    const { wrapper, fake } = mountWithProblem(
      { setCredential: () => makeSettings({ mode: 'veridox', hasApiKey: true }) },
      'keychain_unavailable',
    )
    expect(wrapper.text()).toContain(
      'Your saved API key cannot be read: the system keychain is unavailable. It has not been deleted; Case Monitor will use it when the keychain is back — or enter it again.',
    )
    await wrapper.get('input[type="password"]').setValue(KEY)
    await getButton(wrapper, 'Save key').trigger('click')
    await flushPromises()
    expect(fake.callsTo('setCredential')).toEqual([[{ kind: 'api_key', secret: KEY }]])
    expect(wrapper.text()).not.toContain('cannot be read')
    expect(wrapper.text()).toContain('A key is saved')
  })

  it('says an unreadable key was kept on disk, and removes it only when asked', async () => {
    const { wrapper, fake } = mountWithProblem({ clearApiKey: () => makeSettings() }, 'unreadable')
    expect(wrapper.text()).toContain('It was kept on disk; enter the key again to replace it.')
    expect(wrapper.find('input[type="password"]').exists()).toBe(true)
    expect(fake.calls).toEqual([])
    await getButton(wrapper, 'Remove the saved key').trigger('click')
    await flushPromises()
    expect(fake.callsTo('clearApiKey')).toEqual([[]])
    expect(wrapper.text()).not.toContain('cannot be read')
  })
})
