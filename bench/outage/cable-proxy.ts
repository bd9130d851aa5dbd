import { createConnection, createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface CableProxy {
  /** The address the monitor is pointed at, e.g. http://127.0.0.1:40123 */
  readonly baseUrl: string
  /** Pulls the cable: every open connection breaks, and every new one is cut as soon as it arrives. */
  pull(): void
  plugIn(): void
  /** When each connection that got through was opened (performance.now() ms). */
  readonly connectedAt: readonly number[]
  /** When each connection attempt was cut because the cable was out. */
  readonly cutAt: readonly number[]
  /** When each HTTP request started through the relay. */
  readonly requestAt: readonly number[]
  close(): Promise<void>
}

// undici writes a request's head in one piece, so a chunk that starts with a method is a request.
const requestStart = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \//

/**
 * A TCP relay between the monitor and the simulator, so an outage is a real network failure the
 * monitor's own fetch sees (the connection reset, as when the Wi-Fi or Veridox's edge goes), and every
 * attempt is counted, the failed ones included.
 */
export async function startCableProxy(target: { host: string; port: number }): Promise<CableProxy> {
  const open = new Set<Socket>()
  const connectedAt: number[] = []
  const cutAt: number[] = []
  const requestAt: number[] = []
  let isDown = false

  const server = createServer((client) => {
    if (isDown) {
      cutAt.push(performance.now())
      client.resetAndDestroy()
      return
    }
    connectedAt.push(performance.now())
    const upstream = createConnection(target)
    open.add(client).add(upstream)
    const forget = (): void => {
      open.delete(client)
      open.delete(upstream)
      client.destroy()
      upstream.destroy()
    }
    client.on('error', forget).on('close', forget)
    upstream.on('error', forget).on('close', forget)
    client.on('data', (chunk: Buffer) => {
      if (requestStart.test(chunk.subarray(0, 8).toString('latin1'))) requestAt.push(performance.now())
    })
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pull() {
      isDown = true
      for (const socket of open) socket.resetAndDestroy()
      open.clear()
    },
    plugIn() {
      isDown = false
    },
    connectedAt,
    cutAt,
    requestAt,
    close() {
      for (const socket of open) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
