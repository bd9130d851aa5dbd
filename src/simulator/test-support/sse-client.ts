import { request, type IncomingMessage } from 'node:http'

export interface SseFrame {
  id?: string
  event?: string
  data?: string
  retry?: string
  /** When the frame's last byte arrived (epoch ms). */
  at?: number
  /** The parsed `data:` JSON, when there is one. */
  json?: { type: string; id?: string; [field: string]: unknown }
}

export interface SseConnection {
  status: number
  headers: IncomingMessage['headers']
  frames: SseFrame[]
  /** Every byte received, for framing checks. */
  raw: () => string
  /** Each chunk as it arrived, with its arrival time, for buffering and stall checks. */
  chunks: { at: number; text: string }[]
  openedAt: number
  /** Resolves with the frames once the server ends the response; `aborted` when the connection broke. */
  ended: Promise<'ended' | 'aborted'>
  waitFor(predicate: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>
  close(): void
}

function parseFrame(block: string): SseFrame {
  const frame: SseFrame = {}
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const field = line.slice(0, colon) as 'id' | 'event' | 'data' | 'retry'
    frame[field] = line.slice(colon + 1).replace(/^ /, '')
  }
  if (frame.data !== undefined) {
    try {
      frame.json = JSON.parse(frame.data)
    } catch {
      // Left unparsed on purpose: the test looks at data itself.
    }
  }
  return frame
}

/** A raw SSE reader on node:http: it sees exactly the bytes the simulator wrote. */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const openedAt = Date.now()
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const frames: SseFrame[] = []
      const chunks: { at: number; text: string }[] = []
      const waiters = new Set<() => void>()
      let raw = ''
      let pending = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        const at = Date.now()
        chunks.push({ at, text: chunk })
        raw += chunk
        pending += chunk
        let boundary: number
        while ((boundary = pending.indexOf('\n\n')) >= 0) {
          frames.push({ ...parseFrame(pending.slice(0, boundary)), at })
          pending = pending.slice(boundary + 2)
        }
        for (const wake of [...waiters]) wake()
      })
      const ended = new Promise<'ended' | 'aborted'>((done) => {
        res.on('end', () => done('ended'))
        res.on('aborted', () => done('aborted'))
        res.on('error', () => done('aborted'))
        res.on('close', () => done(res.complete ? 'ended' : 'aborted'))
      })
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        frames,
        raw: () => raw,
        chunks,
        openedAt,
        ended,
        waitFor(predicate, timeoutMs = 5000) {
          return new Promise((found, fail) => {
            let index = 0
            const check = () => {
              for (; index < frames.length; index++) {
                if (predicate(frames[index])) {
                  cleanup()
                  return found(frames[index])
                }
              }
            }
            const timer = setTimeout(() => {
              cleanup()
              fail(new Error(`no matching SSE frame within ${timeoutMs} ms; got ${JSON.stringify(frames.slice(-3))}`))
            }, timeoutMs)
            const cleanup = () => {
              clearTimeout(timer)
              waiters.delete(check)
            }
            waiters.add(check)
            void ended.then(() => {
              check()
              if (waiters.has(check)) {
                cleanup()
                fail(new Error(`stream ended without a matching frame; got ${JSON.stringify(frames.slice(-3))}`))
              }
            })
            check()
          })
        },
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
    req.end()
  })
}
