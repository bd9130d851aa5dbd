import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { systemClock, type Clock } from '../runtime/clock'
import { createVeridoxClient, type Fetch } from '../veridox/veridox-client'
import { startStreamSession, type StreamSessionEvents, type StreamTuning } from './stream-session'

// Policy under fake timers: the fetch below hands each connection to the test, which plays the server.
const tuning: StreamTuning = {
  backoff: { floorMs: 1_000, capMs: 60_000 },
  heartbeatMs: 10_000,
  silenceFactor: 2.5,
  healthyAfterMs: 30_000,
  failuresBeforeFallback: 4,
}
const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const encoder = new TextEncoder()

interface Connection {
  headers: Record<string, string>
  respondStream(): { push(text: string): void; end(): void }
  respond(status: number, body?: string, headers?: Record<string, string>): void
  fail(): void
}

function scriptedServer() {
  const connections: Connection[] = []
  const fetch: Fetch = (_input, init) =>
    new Promise<Response>((resolve, reject) => {
      connections.push({
        headers: Object.fromEntries(new Headers(init?.headers)),
        respondStream() {
          let controller!: ReadableStreamDefaultController<Uint8Array>
          const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')))
          resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }))
          return { push: (text) => controller.enqueue(encoder.encode(text)), end: () => controller.close() }
        },
        respond: (status, body = '', headers = {}) => resolve(new Response(body, { status, headers })),
        fail: () => reject(new TypeError('fetch failed')),
      })
    })
  return { connections, fetch }
}

function recorder() {
  const log: string[] = []
  const events = {
    onMessage: (message) => log.push(`message:${message.kind}`),
    onStatus: (status) => log.push(status.kind === 'waiting' ? `waiting:${status.nextAttemptAt - Date.now()}` : status.kind),
    onReconnected: () => log.push('reconnected'),
    onGiveUp: (reason) => log.push(`give-up:${reason}`),
    onRefused: (error) => log.push(`refused:${error.code}`),
    onServerClosed: () => log.push('server-closed'),
  } satisfies StreamSessionEvents
  return { log, events }
}

const flush = () => vi.advanceTimersByTimeAsync(0)
let clock: Clock

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
  clock = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => {
      const t = setTimeout(fn, ms)
      return () => clearTimeout(t)
    },
    random: () => 1,
  }
})
afterEach(() => vi.useRealTimers())

function start(server: ReturnType<typeof scriptedServer>, overrides: Partial<StreamTuning> = {}, lastEventId: string | null = null) {
  const { log, events } = recorder()
  const client = createVeridoxClient({
    baseUrl: 'https://veridox.test',
    credential: { kind: 'api_key', secret: 'vdx_k' },
    fetch: server.fetch,
  })
  const session = startStreamSession(
    {
      open: (resumeFrom, handlers) => client.openStream(caseId, resumeFrom, handlers),
      clock,
      tuning: { ...tuning, ...overrides },
      lastEventId: () => lastEventId,
    },
    events,
  )
  return { log, session }
}

describe('stream session policy', () => {
  it('sends the key as a header and resumes with Last-Event-ID', async () => {
    const server = scriptedServer()
    start(server, {}, 'event-41')
    await flush()
    expect(server.connections[0]!.headers).toMatchObject({ 'x-api-key': 'vdx_k', 'last-event-id': 'event-41' })
  })

  it('reconnects after a drop no sooner than the server’s retry value', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    await flush()
    const stream = server.connections[0]!.respondStream()
    stream.push('retry: 2500\n\n')
    await flush()
    stream.end()
    await flush()
    expect(log).toContain('waiting:2500')
    await vi.advanceTimersByTimeAsync(2_499)
    expect(server.connections).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(server.connections).toHaveLength(2)
  })

  it('backs off exponentially, within the cap, and polls after repeated failures', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    for (let i = 0; i < 4; i++) {
      await flush()
      server.connections[i]!.fail()
      await flush()
      const waited = log.filter((entry) => entry.startsWith('waiting:')).at(-1)
      if (i < 3) {
        expect(waited).toBe(`waiting:${1_000 * 2 ** i}`)
        await vi.advanceTimersByTimeAsync(1_000 * 2 ** i)
      }
    }
    expect(log.at(-1)).toBe('give-up:repeated_failures')
  })

  it('forgets earlier failures after a healthy stretch', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    await flush()
    server.connections[0]!.fail()
    await vi.advanceTimersByTimeAsync(1_000)
    server.connections[1]!.fail()
    await vi.advanceTimersByTimeAsync(2_000)
    const stream = server.connections[2]!.respondStream()
    for (let t = 0; t < 4; t++) {
      await vi.advanceTimersByTimeAsync(9_000)
      stream.push('event: heartbeat\ndata: {}\n\n')
    }
    stream.end()
    await flush()
    expect(log).toContain('reconnected')
    expect(log.at(-1)).toBe('waiting:1000')
  })

  it('closes a silent connection after 2.5 heartbeat intervals and reconnects', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    await flush()
    const stream = server.connections[0]!.respondStream()
    stream.push('event: heartbeat\ndata: {}\n\n')
    await vi.advanceTimersByTimeAsync(24_999)
    expect(log).not.toContain('waiting:1000')
    await vi.advanceTimersByTimeAsync(1)
    expect(log).toContain('waiting:1000')
  })

  it('notes the activity of a busy stream instead of setting a timer for each chunk, and still catches the silence after it', async () => {
    const server = scriptedServer()
    let timersSet = 0
    const realClock = clock
    clock = { ...realClock, setTimeout: (fn, ms) => (timersSet++, realClock.setTimeout(fn, ms)) }
    const { log } = start(server)
    await flush()
    const stream = server.connections[0]!.respondStream()
    await flush()
    const before = timersSet
    for (let i = 0; i < 1_000; i++) {
      await vi.advanceTimersByTimeAsync(10)
      stream.push(': busy\n\n')
      await flush()
    }
    expect(timersSet - before).toBeLessThanOrEqual(2)
    await vi.advanceTimersByTimeAsync(24_999)
    expect(log).not.toContain('waiting:1000')
    await vi.advanceTimersByTimeAsync(1)
    expect(log).toContain('waiting:1000')
  })

  it('adopts the observed heartbeat spacing at the second heartbeat, so a stall right after it is caught within 2.5 of them', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    await flush()
    const stream = server.connections[0]!.respondStream()
    stream.push('event: heartbeat\ndata: {}\n\n')
    await vi.advanceTimersByTimeAsync(2_000)
    stream.push('event: heartbeat\ndata: {}\n\n')
    await vi.advanceTimersByTimeAsync(4_999)
    expect(log).not.toContain('waiting:1000')
    await vi.advanceTimersByTimeAsync(1)
    expect(log).toContain('waiting:1000')
  })

  it('recognises a buffering proxy: headers arrive but the bytes are held back, twice', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    await flush()
    server.connections[0]!.respondStream()
    await vi.advanceTimersByTimeAsync(25_000)
    await vi.advanceTimersByTimeAsync(1_000)
    server.connections[1]!.respondStream()
    await vi.advanceTimersByTimeAsync(25_000)
    expect(log.at(-1)).toBe('give-up:buffering_proxy')
  })

  it('falls back at once when a proxy answers with a web page', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    await flush()
    server.connections[0]!.respond(200, '<html>Sign in to the proxy</html>', { 'content-type': 'text/html' })
    await flush()
    expect(log.at(-1)).toBe('give-up:proxy_interference')
  })

  it('honours Retry-After on 429 and never treats the stream limit as a reason to poll', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    for (let i = 0; i < 6; i++) {
      await flush()
      server.connections[i]!.respond(429, '{"error_code":"request.rate-limit"}', { 'content-type': 'application/json', 'retry-after': '7' })
      await flush()
      expect(log.at(-1)).toMatch(/^waiting:/)
      const waited = Number(log.at(-1)!.split(':')[1])
      expect(waited).toBeGreaterThanOrEqual(7_000)
      await vi.advanceTimersByTimeAsync(waited)
    }
    expect(log.some((entry) => entry.startsWith('give-up'))).toBe(false)
  })

  it.each(['99999999999', 'Fri, 31 Dec 9999 23:59:59 GMT'])(
    'waits one hour, not one millisecond, when a 429 says Retry-After: %s',
    async (retryAfter) => {
      clock = systemClock
      const server = scriptedServer()
      const { log } = start(server)
      await flush()
      server.connections[0]!.respond(429, '{"error_code":"request.rate-limit"}', {
        'content-type': 'application/json',
        'retry-after': retryAfter,
      })
      await flush()
      expect(log.at(-1)).toBe('waiting:3600000')
      await vi.advanceTimersByTimeAsync(3_599_999)
      expect(server.connections).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(server.connections).toHaveLength(2)
    },
  )

  it.each([
    [401, 'refused:key_rejected'],
    [403, 'refused:forbidden'],
    [404, 'refused:case_not_found'],
  ])('does not retry a %i', async (status, expected) => {
    const server = scriptedServer()
    const { log } = start(server)
    await flush()
    server.connections[0]!.respond(status, '{"error_code":"x"}', { 'content-type': 'application/json' })
    await flush()
    expect(log.at(-1)).toBe(expected)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(server.connections).toHaveLength(1)
  })

  it('stops for good on stream_closed', async () => {
    const server = scriptedServer()
    const { log } = start(server)
    await flush()
    const stream = server.connections[0]!.respondStream()
    stream.push('event: stream_closed\ndata: {"message":"analysis finished"}\n\n')
    await flush()
    expect(log.at(-1)).toBe('server-closed')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(server.connections).toHaveLength(1)
  })
})
