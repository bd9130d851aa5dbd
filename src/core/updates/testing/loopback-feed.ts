import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the feed answers next: electron-builder's release description, or one of the ways a feed goes wrong. */
export type FeedAnswer =
  | { kind: 'release'; version: string }
  | { kind: 'malformed' }
  | { kind: 'html' }
  | { kind: 'huge' }
  | { kind: 'status'; status: number }
  | { kind: 'stall' }

export interface LoopbackFeed {
  /** The feed's address, as set in `updateFeedUrl`. */
  readonly url: string
  /** Every path requested, in order. */
  readonly requests: string[]
  answer(next: FeedAnswer): void
  close(): Promise<void>
}

export function latestYml(version: string): string {
  const file = `Case-Monitor-${version}.AppImage`
  const sha512 = 'VkJl1gDqcBHYbYhMb0HRRvGRJmDXaSRL8l1/UKbL5j/hqjAuQPXBdhQsIi9h4pCIC6DHzIIEFD6Dvj9MfiqnKw=='
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512}`,
    '    size: 104857600',
    `path: ${file}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T09:00:00.000Z'",
    '',
  ].join('\n')
}

function send(response: ServerResponse, answer: FeedAnswer): void {
  if (answer.kind === 'stall') return
  if (answer.kind === 'status') return void response.writeHead(answer.status, { 'content-type': 'text/plain' }).end('no')
  if (answer.kind === 'html') {
    return void response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><html><body><h1>Sign in to the Wi-Fi</h1></body></html>')
  }
  const body =
    answer.kind === 'release'
      ? latestYml(answer.version)
      : answer.kind === 'malformed'
        ? 'version: [0.2.0\nfiles: {'
        : // A valid description padded past any real one: only the size cap can refuse it.
          `${latestYml('0.2.0')}releaseNotes: "${'x'.repeat(200_000)}"\n`
  response.writeHead(200, { 'content-type': 'text/yaml' }).end(body)
}

/** An update feed over loopback HTTP, as a static host serving electron-builder's output would answer. */
export async function startLoopbackFeed(first: FeedAnswer, path = '/case-monitor'): Promise<LoopbackFeed> {
  let answer = first
  const requests: string[] = []
  const open = new Set<ServerResponse>()
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push(request.url ?? '')
    open.add(response)
    response.on('close', () => open.delete(response))
    send(response, answer)
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    answer: (next) => (answer = next),
    async close() {
      for (const response of open) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((closed) => server.close(() => closed()))
    },
  }
}
