import { net, session } from 'electron'
import { Agent, fetch as nodeFetch, ProxyAgent, type Dispatcher } from 'undici'
import { proxyRouteFromPac } from '../../core/net/proxy-route'

/**
 * The fetch that SSE streams use. Chromium's `net.fetch` allows 6 HTTP/1.1 connections per host, and
 * the core keeps up to 10 streams open, so streams there would starve every REST call. Node's fetch
 * has its own pool; it is sent through the proxy Chromium would use for the same URL, so corporate
 * proxy settings (system, PAC, WPAD) still apply. Proxies only Chromium speaks (SOCKS, QUIC) keep the
 * streams on `net.fetch`.
 */
export function createStreamFetch(): typeof fetch {
  const direct = new Agent()
  const proxies = new Map<string, Dispatcher>()
  const dispatcherFor = (proxyUrl: string): Dispatcher => {
    let dispatcher = proxies.get(proxyUrl)
    if (!dispatcher) {
      dispatcher = new ProxyAgent(proxyUrl)
      proxies.set(proxyUrl, dispatcher)
    }
    return dispatcher
  }

  return async function streamFetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const route = proxyRouteFromPac(await session.defaultSession.resolveProxy(url))
    if (route.kind === 'chromium-only') return net.fetch(url, init)
    const dispatcher = route.kind === 'proxy' ? dispatcherFor(route.proxyUrl) : direct
    // undici's own Response type differs from the DOM's only in its TypeScript declarations.
    return (await nodeFetch(url, { ...(init as object), dispatcher })) as unknown as Response
  }
}
