import { createServer, request, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface LoopbackProxy {
  /** As `session.resolveProxy` reports it: "PROXY 127.0.0.1:port". */
  pacResult: string
  /** CONNECT tunnels opened and plain requests forwarded, by target host:port. */
  tunnels: Map<string, number>
  forwarded: Map<string, number>
  close(): Promise<void>
}

const count = (counts: Map<string, number>, key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1)

/** An HTTP proxy on loopback, as a corporate one is to the app: CONNECT tunnels and absolute-form requests. */
export async function startLoopbackProxy(): Promise<LoopbackProxy> {
  const tunnels = new Map<string, number>()
  const forwarded = new Map<string, number>()
  const server: Server = createServer((incoming, outgoing) => {
    const target = new URL(incoming.url ?? '/')
    count(forwarded, target.host)
    const upstream = request(target, { method: incoming.method, headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers)
      response.pipe(outgoing)
    })
    upstream.on('error', () => outgoing.destroy())
    incoming.pipe(upstream)
  })
  // Tunnels leave the server's own connection tracking once established: closed here by hand.
  const tunnelSockets = new Set<Socket>()
  server.on('connect', (incoming, client: Socket, head) => {
    const [host = '', port = '80'] = (incoming.url ?? '').split(':')
    count(tunnels, `${host}:${port}`)
    const upstream = connect(Number(port), host, () => {
      tunnelSockets.add(upstream).add(client)
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    pacResult: `PROXY 127.0.0.1:${port}; DIRECT`,
    tunnels,
    forwarded,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        for (const socket of tunnelSockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
