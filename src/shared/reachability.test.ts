import { describe, expect, it } from 'vitest'
import { isBackendReachable } from './reachability'

const awake = { isAsleep: false, isNetworkOnline: true }
const noNetwork = { isAsleep: false, isNetworkOnline: false }
const asleep = { isAsleep: true, isNetworkOnline: true }

describe('whether a backend can be reached, from what the system says', () => {
  it.each(['https://api.uk.veridox.ai', 'http://127.0.0.1:4010', 'http://localhost:4010'])('%s: with a network, yes', (baseUrl) => {
    expect(isBackendReachable(baseUrl, awake)).toBe(true)
  })

  it.each(['https://api.uk.veridox.ai', 'https://veridox.internal.example:8443/api', 'http://localhost.evil.example'])(
    '%s: off this machine, not without a network',
    (baseUrl) => {
      expect(isBackendReachable(baseUrl, noNetwork)).toBe(false)
    },
  )

  it.each(['http://127.0.0.1:4010', 'http://127.42.0.9', 'http://localhost:4010', 'http://[::1]:4010'])(
    '%s: on this machine, yes without a network',
    (baseUrl) => {
      expect(isBackendReachable(baseUrl, noNetwork)).toBe(true)
    },
  )

  it.each(['https://api.uk.veridox.ai', 'http://127.0.0.1:4010'])('%s: never while the machine sleeps', (baseUrl) => {
    expect(isBackendReachable(baseUrl, asleep)).toBe(false)
    expect(isBackendReachable(baseUrl, { isAsleep: true, isNetworkOnline: false })).toBe(false)
  })
})
