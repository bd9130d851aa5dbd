import { describe, expect, it } from 'vitest'
import { proxyRouteFromPac } from './proxy-route'

describe('proxyRouteFromPac', () => {
  it('reads DIRECT, and an empty answer, as no proxy', () => {
    expect(proxyRouteFromPac('DIRECT')).toEqual({ kind: 'direct' })
    expect(proxyRouteFromPac('')).toEqual({ kind: 'direct' })
    expect(proxyRouteFromPac('  direct ; PROXY a:1')).toEqual({ kind: 'direct' })
  })

  it('takes the first PROXY or HTTPS entry as the proxy to use', () => {
    expect(proxyRouteFromPac('PROXY proxy.corp.example:3128; DIRECT')).toEqual({
      kind: 'proxy',
      proxyUrl: 'http://proxy.corp.example:3128',
    })
    expect(proxyRouteFromPac('HTTPS secure-proxy:443')).toEqual({ kind: 'proxy', proxyUrl: 'https://secure-proxy:443' })
    expect(proxyRouteFromPac('PROXY [::1]:8080')).toEqual({ kind: 'proxy', proxyUrl: 'http://[::1]:8080' })
  })

  it('leaves SOCKS, QUIC and anything it cannot read to Chromium', () => {
    expect(proxyRouteFromPac('SOCKS5 socks.corp:1080; DIRECT')).toEqual({ kind: 'chromium-only', scheme: 'SOCKS5' })
    expect(proxyRouteFromPac('QUIC q:443')).toEqual({ kind: 'chromium-only', scheme: 'QUIC' })
    expect(proxyRouteFromPac('PROXY no-port')).toEqual({ kind: 'chromium-only', scheme: 'PROXY' })
    expect(proxyRouteFromPac('PROXY a:99999')).toEqual({ kind: 'chromium-only', scheme: 'PROXY' })
    expect(proxyRouteFromPac('PROXY user@a:80')).toEqual({ kind: 'chromium-only', scheme: 'PROXY' })
    expect(proxyRouteFromPac(`${'X'.repeat(5_000)} a:1`)).toEqual({ kind: 'chromium-only', scheme: 'X'.repeat(16) })
  })
})
