import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { StreamFailure } from './progress-stream'
import { maxEventBytes, maxLineBytes } from './sse-line-scanner'
import { createVeridoxClient } from './veridox-client'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
// Far more than any cap plus the socket buffers between the two ends: a client that keeps reading gets all of it.
const endlessEnoughBytes = 16 * 1024 * 1024

let server: Server | null = null
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

/** An event stream that repeats `pattern` as fast as the client reads, until the client hangs up. */
async function startEndlessStream(pattern: string): Promise<{ baseUrl: string; sent: () => number; hungUp: Promise<void> }> {
  let sent = 0
  let hangUp!: () => void
  const hungUp = new Promise<void>((resolve) => (hangUp = resolve))
  const chunk = Buffer.from(pattern.repeat(Math.ceil(16_384 / pattern.length)))
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.on('close', hangUp)
    const pump = (): void => {
      while (!res.destroyed && sent < endlessEnoughBytes) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent, hungUp }
}

function readUntilFailure(baseUrl: string): Promise<{ failure: StreamFailure; received: number; messages: number }> {
  const client = createVeridoxClient({ baseUrl, credential: { kind: 'api_key', secret: 'vdx_k' }, fetch })
  let received = 0
  let messages = 0
  return new Promise((resolve) => {
    client.openStream(caseId, null, {
      onOpen: () => undefined,
      onMessage: () => void (messages += 1),
      onActivity: (bytes) => void (received += bytes),
      onRetryHint: () => undefined,
      onFailure: (failure) => resolve({ failure, received, messages }),
    })
  })
}

describe('a stream that never ends a line or an event', () => {
  it('is closed as a broken stream once a line passes 64 KiB, having read a bounded number of bytes', async () => {
    const veridox = await startEndlessStream('x')
    const { failure, received } = await readUntilFailure(veridox.baseUrl)
    expect(failure.kind).toBe('refused')
    if (failure.kind === 'dropped') return
    expect(failure.error.code).toBe('bad_response')
    expect(failure.error.message).toBe('Veridox sent a line longer than 64 KiB on the progress stream; the connection was closed.')
    expect(received).toBeGreaterThan(maxLineBytes)
    expect(received).toBeLessThan(maxLineBytes + 1024 * 1024)
    await veridox.hungUp
    expect(veridox.sent()).toBeLessThan(endlessEnoughBytes)
  })

  it('is closed once one event passes 256 KiB, however short its lines', async () => {
    const veridox = await startEndlessStream(`data: ${'x'.repeat(200)}\n`)
    const { failure, received, messages } = await readUntilFailure(veridox.baseUrl)
    expect(failure.kind === 'dropped' ? null : failure.error.message).toBe(
      'Veridox sent an event larger than 256 KiB on the progress stream; the connection was closed.',
    )
    expect(messages).toBe(0)
    expect(received).toBeGreaterThan(maxEventBytes)
    expect(received).toBeLessThan(maxEventBytes + 1024 * 1024)
    await veridox.hungUp
    expect(veridox.sent()).toBeLessThan(endlessEnoughBytes)
  })

  it('keeps a long stream of small events open', async () => {
    const event = `event: heartbeat\ndata: {"pad":"${'x'.repeat(200)}"}\n\n`
    const veridox = await startEndlessStream(event)
    const { failure, messages } = await readUntilFailure(veridox.baseUrl)
    expect(failure.kind).toBe('dropped')
    expect(messages).toBe(veridox.sent() / event.length)
  })
})
