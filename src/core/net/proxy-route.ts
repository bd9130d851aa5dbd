/** How a request to one URL leaves the machine, read from Chromium's answer for that URL. */
export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; proxyUrl: string } | { kind: 'chromium-only'; scheme: string }

const maxResultLength = 2_000
const hostAndPort = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i

/**
 * `session.resolveProxy` answers in PAC form: "DIRECT", "PROXY host:port; DIRECT", "HTTPS host:port",
 * "SOCKS5 host:port"… Chromium tries the entries in order; only the first is taken here, because a
 * stream that cannot use it falls back to polling, which goes through Chromium itself. SOCKS and QUIC
 * proxies are Chromium's alone: streams then go through Chromium too.
 */
export function proxyRouteFromPac(pacResult: string): ProxyRoute {
  const first = pacResult.slice(0, maxResultLength).split(';')[0]?.trim() ?? ''
  if (first === '' || first.toUpperCase() === 'DIRECT') return { kind: 'direct' }
  const [scheme = '', address = '', ...rest] = first.split(/\s+/)
  const upper = scheme.toUpperCase()
  const match = hostAndPort.exec(address)
  const port = Number(match?.[2])
  if ((upper !== 'PROXY' && upper !== 'HTTPS') || !match || rest.length > 0 || port < 1 || port > 65_535) {
    return { kind: 'chromium-only', scheme: upper.slice(0, 16) || 'unknown' }
  }
  return { kind: 'proxy', proxyUrl: `${upper === 'HTTPS' ? 'https' : 'http'}://${address}` }
}
