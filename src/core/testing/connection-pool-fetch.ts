import type { Fetch } from '../veridox/veridox-client'

export interface ConnectionPoolStats {
  /** The most requests that held a connection to each origin at the same moment. */
  maxInFlightByOrigin: Record<string, number>
  inFlightByOrigin: Record<string, number>
  /** Requests waiting for a free connection right now. */
  queued: number
  /** Requests that had to wait for a connection at all, over the pool's life. */
  everQueued: number
}

export interface PooledFetch {
  fetch: Fetch
  stats(): ConnectionPoolStats
}

interface OriginPool {
  inFlight: number
  maxInFlight: number
  waiting: (() => void)[]
}

// Statuses whose Response may not carry a body (Fetch standard, "null body status").
const nullBodyStatuses = new Set([101, 103, 204, 205, 304])

/**
 * Test support: a model of Chromium's socket pool, which `net.fetch` goes through. Chromium opens at
 * most 6 HTTP/1.1 connections per host (net/socket/client_socket_pool_manager.cc,
 * max_sockets_per_group), and a response holds its connection until its body has been read to the
 * end, cancelled or aborted — so a long-lived SSE stream holds one for as long as it is open. Requests
 * beyond the limit wait, in order, for a connection to free. HTTP/2 multiplexing is not modelled: this
 * is the HTTP/1.1 host (the embedded simulator, or any host behind an HTTP/1.1 proxy).
 */
export function createPooledFetch(options: { maxConnectionsPerOrigin: number; fetch?: Fetch }): PooledFetch {
  const inner = options.fetch ?? globalThis.fetch
  const pools = new Map<string, OriginPool>()
  let everQueued = 0

  function poolOf(origin: string): OriginPool {
    let pool = pools.get(origin)
    if (!pool) pools.set(origin, (pool = { inFlight: 0, maxInFlight: 0, waiting: [] }))
    return pool
  }

  function take(pool: OriginPool): () => void {
    pool.inFlight++
    pool.maxInFlight = Math.max(pool.maxInFlight, pool.inFlight)
    let isReleased = false
    return () => {
      if (isReleased) return
      isReleased = true
      pool.inFlight--
      pool.waiting.shift()?.()
    }
  }

  function acquire(origin: string, signal: AbortSignal | undefined): Promise<() => void> {
    const pool = poolOf(origin)
    if (pool.inFlight < options.maxConnectionsPerOrigin) return Promise.resolve(take(pool))
    everQueued++
    return new Promise((resolve, reject) => {
      const granted = (): void => {
        signal?.removeEventListener('abort', aborted)
        resolve(take(pool))
      }
      const aborted = (): void => {
        pool.waiting.splice(pool.waiting.indexOf(granted), 1)
        reject(signal!.reason)
      }
      pool.waiting.push(granted)
      signal?.addEventListener('abort', aborted, { once: true })
    })
  }

  /** The same response, but its body gives the connection back when it ends, fails or is cancelled. */
  function holdingUntilBodyEnds(response: Response, release: () => void, signal: AbortSignal | undefined): Response {
    if (!response.body || nullBodyStatuses.has(response.status)) {
      void response.body?.cancel().catch(() => undefined)
      release()
      return response
    }
    signal?.addEventListener('abort', release, { once: true })
    const reader = response.body.getReader()
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read()
          if (done) {
            release()
            controller.close()
          } else controller.enqueue(value)
        } catch (error) {
          release()
          controller.error(error)
        }
      },
      cancel(reason) {
        release()
        return reader.cancel(reason)
      },
    })
    const held = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
    Object.defineProperties(held, {
      url: { value: response.url },
      redirected: { value: response.redirected },
      type: { value: response.type },
    })
    return held
  }

  const pooledFetch: Fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined
    signal?.throwIfAborted()
    const release = await acquire(new URL(url).origin, signal)
    let response: Response
    try {
      response = await inner(input, init)
    } catch (error) {
      release()
      throw error
    }
    return holdingUntilBodyEnds(response, release, signal)
  }

  return {
    fetch: pooledFetch,
    stats() {
      const entries = [...pools.entries()]
      return {
        maxInFlightByOrigin: Object.fromEntries(entries.map(([origin, pool]) => [origin, pool.maxInFlight])),
        inFlightByOrigin: Object.fromEntries(entries.map(([origin, pool]) => [origin, pool.inFlight])),
        queued: entries.reduce((sum, [, pool]) => sum + pool.waiting.length, 0),
        everQueued,
      }
    },
  }
}
