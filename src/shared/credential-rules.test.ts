import { describe, expect, it } from 'vitest'
import { apiKeyFault, credentialFault, maxAccessTokenLength, maxApiKeyLength, minApiKeyLength } from './credential-rules'

describe('what an API key may look like', () => {
  it.each([
    'vdx_simulator',
    'vdx_live_9f8e7d6c5b4a',
    'A-b.c_d~e!f#g$%&*+/=?^`{|}',
    'k'.repeat(minApiKeyLength),
    'k'.repeat(maxApiKeyLength),
  ])('accepts %s', (apiKey) => {
    expect(apiKeyFault(apiKey)).toBeNull()
  })

  it.each([
    ['a short one', 'vdx_abc', 'too_short'],
    ['a long one', 'k'.repeat(maxApiKeyLength + 1), 'too_long'],
    ['CR and LF inside, which would split a request', 'vdx_abc\r\nX-Evil: 1', 'not_printable'],
    ['a lone LF', 'vdx_abcdef\nghi', 'not_printable'],
    ['a space', 'vdx_abc def', 'not_printable'],
    ['a tab', 'vdx_abc\tdef', 'not_printable'],
    ['a NUL', 'vdx_abcdef\0', 'not_printable'],
    ['a DEL', 'vdx_abcdef\x7f', 'not_printable'],
    ['letters beyond ASCII', 'vdx_clé_secrète', 'not_printable'],
  ] as const)('refuses %s', (_why, apiKey, fault) => {
    expect(apiKeyFault(apiKey)).toBe(fault)
  })
})

describe('what an access token may look like', () => {
  const jwt = `eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.${'e'.repeat(1500)}.${'s'.repeat(86)}`

  it('accepts a JWT longer than any API key, up to the cap', () => {
    expect(apiKeyFault(jwt)).toBe('too_long')
    expect(credentialFault({ kind: 'access_token', secret: jwt })).toBeNull()
    expect(credentialFault({ kind: 'access_token', secret: 't'.repeat(maxAccessTokenLength) })).toBeNull()
  })

  it.each([
    ['a longer one than the cap', 't'.repeat(maxAccessTokenLength + 1), 'too_long'],
    ['CR and LF inside', `${jwt}\r\nX-Evil: 1`, 'not_printable'],
    ['a space', 'eyJ abc.def', 'not_printable'],
    ['a short one', 'eyJ', 'too_short'],
  ] as const)('refuses %s', (_why, secret, fault) => {
    expect(credentialFault({ kind: 'access_token', secret })).toBe(fault)
  })
})
