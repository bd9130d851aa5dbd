import { describe, expect, it } from 'vitest'
import { customBaseUrlProblem, endpointProblem } from './endpoint-rules'

describe('where the key may be sent', () => {
  it.each([
    'https://veridox.internal.example',
    'https://veridox.internal.example:8443/api/',
    'http://localhost:4010',
    'http://127.0.0.1:4010',
    'http://127.42.0.9',
    'http://[::1]:4010',
  ])('accepts %s', (address) => {
    expect(customBaseUrlProblem(address)).toBeNull()
  })

  it.each([
    ['not a URL', 'veridox.example.com', /full address/],
    ['another scheme', 'ftp://veridox.example.com', /https/],
    ['plain http off this machine', 'http://10.0.0.8', /http:\/\/ is allowed only/],
    ['plain http to a look-alike host', 'http://localhost.evil.example', /http:\/\/ is allowed only/],
    ['plain http to 128.x', 'http://128.0.0.1', /http:\/\/ is allowed only/],
    ['credentials', 'https://analyst:hunter2@veridox.example.com', /user name or password/],
    ['a user name only', 'https://analyst@veridox.example.com', /user name or password/],
    ['a query', 'https://veridox.example.com/?tenant=1', /query/],
    ['an empty query', 'https://veridox.example.com/?', /query/],
    ['a fragment', 'https://veridox.example.com/#x', /fragment/],
    ['surrounding spaces', ' https://veridox.example.com', /spaces/],
    ['a line break inside, which URL parsing would drop', 'https://veri\ndox.example.com', /full address/],
    ['a tab inside', 'https://veridox.example.com/a\tb', /full address/],
    ['too long', `https://veridox.example.com/${'a'.repeat(2048)}`, /too long/],
  ])('refuses %s', (_why, address, message) => {
    expect(customBaseUrlProblem(address)).toMatch(message)
  })

  it('needs an address for the custom region, and a usable one whenever an address is kept', () => {
    expect(endpointProblem({ region: 'custom', customBaseUrl: null })).toMatch(/address of your Veridox host/)
    expect(endpointProblem({ region: 'custom', customBaseUrl: 'https://veridox.example.com' })).toBeNull()
    expect(endpointProblem({ region: 'uk', customBaseUrl: null })).toBeNull()
    expect(endpointProblem({ region: 'uk', customBaseUrl: 'http://10.0.0.8' })).toMatch(/https/)
  })
})
