import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../runtime/clock'
import { createVeridoxClient } from '../veridox/veridox-client'
import { defaultStreamTuning, startStreamSession, type StreamSession, type StreamSessionEvents } from './stream-session'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const ignore = () => undefined
const events = {
  onMessage: ignore,
  onStatus: ignore,
  onReconnected: ignore,
  onGiveUp: ignore,
  onRefused: ignore,
  onServerClosed: ignore,
} satisfies StreamSessionEvents

let server: Server | null = null
let session: StreamSession | null = null
afterEach(async () => {
  session?.stop()
  await new Promise((resolve) => server?.close(resolve))
})

/** Answers every stream request with Veridox's 429 and the given Retry-After; counts the requests. */
async function startRateLimitingServer(retryAfter: string): Promise<{ baseUrl: string; requests: () => number }> {
  let requests = 0
  server = createServer((_req, res) => {
    requests += 1
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter })
    res.end('{"error_code":"request.rate-limit","error_message":"Too many requests. Please try again later."}')
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests }
}

describe('a stream answered 429 over real HTTP', () => {
  it.each(['99999999999', 'Fri, 31 Dec 9999 23:59:59 GMT'])(
    'waits instead of reconnecting at once for Retry-After: %s, with no timer overflow',
    async (retryAfter) => {
      const warnings: string[] = []
      const onWarning = (warning: Error) => warnings.push(warning.name)
      process.on('warning', onWarning)
      try {
        const veridox = await startRateLimitingServer(retryAfter)
        const client = createVeridoxClient({ baseUrl: veridox.baseUrl, credential: { kind: 'api_key', secret: 'vdx_k' }, fetch })
        session = startStreamSession(
          {
            open: (lastEventId, handlers) => client.openStream(caseId, lastEventId, handlers),
            clock: systemClock,
            tuning: defaultStreamTuning,
            lastEventId: () => null,
          },
          events,
        )
        await sleep(2_000)
        expect(veridox.requests()).toBeGreaterThanOrEqual(1)
        expect(veridox.requests() - 1).toBeLessThanOrEqual(1)
        const { status } = session
        expect(status.kind).toBe('waiting')
        // Waits the hour Retry-After is clamped to: neither at once nor for ever.
        const waitMs = status.kind === 'waiting' ? status.nextAttemptAt - Date.now() : 0
        expect(waitMs).toBeGreaterThan(3_500_000)
        expect(waitMs).toBeLessThanOrEqual(3_600_000)
        expect(warnings).not.toContain('TimeoutOverflowWarning')
      } finally {
        process.off('warning', onWarning)
      }
    },
  )
})
