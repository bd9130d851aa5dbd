import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import KeyRejectedBanner from './KeyRejectedBanner.vue'

describe('KeyRejectedBanner', () => {
  it('says an API key was rejected', () => {
    const wrapper = mount(KeyRejectedBanner, { props: { caseCount: 2, credentialKind: 'api_key' } })
    expect(wrapper.text()).toContain('Veridox rejected the saved API key. 2 cases are paused until a valid key is saved.')
  })

  it('says an access token has expired or been revoked, which is what happens to tokens mid-session', () => {
    const wrapper = mount(KeyRejectedBanner, { props: { caseCount: 1, credentialKind: 'access_token' } })
    expect(wrapper.text()).toContain(
      'Veridox no longer accepts the saved access token (expired or revoked?). 1 case is paused until a new token or an API key is saved.',
    )
  })
})
