import { subscribe } from 'node:diagnostics_channel'
import { toTest } from './channel'

interface UndiciRequest {
  origin: string
  method: string
  path: string
  headers: unknown
}

/**
 * Every HTTP request the main process starts, as it goes on the wire: both the stand-in's `net.fetch`
 * and the app's own undici stream fetch publish on undici's diagnostics channel, even for a request
 * whose host never answers. What a test needs to prove a credential went nowhere it should not.
 */
export function wireRequests(): void {
  subscribe('undici:request:create', (message) => {
    const { request } = message as { request: UndiciRequest }
    const headers = Array.isArray(request.headers) ? request.headers.map(String) : [String(request.headers ?? '')]
    toTest({ kind: 'http-request', origin: String(request.origin), method: request.method, path: request.path, headers })
  })
}
