import { describe, expect, it } from 'vitest'
import { dashboardCaseUrl } from './dashboard-link'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'

describe('the Veridox dashboard link of a case', () => {
  it.each([
    ['https://api.uk.veridox.ai', 'https://uk.veridox.ai'],
    ['https://api.ca.veridox.ai', 'https://ca.veridox.ai'],
    ['https://api.uk.neo.veridox.ai', 'https://uk.neo.veridox.ai'],
    ['https://api.ca.neo.veridox.ai/', 'https://ca.neo.veridox.ai'],
  ])('%s opens on %s', (apiBaseUrl, dashboard) => {
    expect(dashboardCaseUrl(apiBaseUrl, caseId)).toBe(`${dashboard}/cases/${caseId}`)
  })

  it.each([
    ['the built-in simulator', 'http://127.0.0.1:41234'],
    ['a custom address', 'https://veridox.internal.example:8443/api'],
    ['a look-alike host', 'https://api.uk.veridox.ai.example.com'],
    ['plain http', 'http://api.uk.veridox.ai'],
    ['no host at all', null],
    ['an address that does not parse', 'not a url'],
  ])('has none for %s', (_name, apiBaseUrl) => {
    expect(dashboardCaseUrl(apiBaseUrl, caseId)).toBeNull()
  })

  it('has none for something that is not a case ID, so nothing else lands in the path', () => {
    expect(dashboardCaseUrl('https://api.uk.veridox.ai', '../settings')).toBeNull()
  })
})
