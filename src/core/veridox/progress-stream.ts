import { EventSource, type FetchLike, type ReaderLike } from 'eventsource'
import { parseEventData, parseProgressMessage, type ParsedMessage } from './progress-event'
import type { CredentialedFetch } from './credentialed-fetch'
import { createSseLineScanner, maxEventBytes, maxLineBytes, type Overflow } from './sse-line-scanner'
import { errorFromFetchFailure, errorFromResponse, VeridoxError } from './veridox-error'

export type StreamFailure =
  /** The connection ended or broke after opening (or could not be made): reconnect. */
  | { kind: 'dropped' }
  | { kind: 'network'; error: VeridoxError }
  /** Veridox (or something in between) answered, but not with an event stream this app can read. */
  | { kind: 'refused'; error: VeridoxError }

export interface ProgressStreamHandlers {
  onOpen(): void
  onMessage(message: ParsedMessage): void
  /** Any bytes arrived, heartbeats and comments included: the connection is alive. */
  onActivity(byteCount: number): void
  /** The server's `retry:` value, the floor of the reconnection delay. */
  onRetryHint(ms: number): void
  /** Called at most once; the stream is closed by then. */
  onFailure(failure: StreamFailure): void
}

export interface ProgressStreamOptions {
  url: string
  caseId: string
  /** Adds the credential and refuses redirects (credentialed-fetch.ts). */
  fetch: CredentialedFetch
  /** Read at connect time, so a restart resumes where the last session stopped. */
  lastEventId: string | null
  now: () => number
}

export interface ProgressStream {
  close(): void
}

const errorSnippetBytes = 8192

const overflowMessages: Record<Overflow, string> = {
  line: `Veridox sent a line longer than ${maxLineBytes / 1024} KiB on the progress stream; the connection was closed.`,
  event: `Veridox sent an event larger than ${maxEventBytes / 1024} KiB on the progress stream; the connection was closed.`,
}

/**
 * Hands every event the library dispatches to one observer, including names nobody listens for, so unknown
 * types can be logged. Nothing listens on the source itself, so events are not dispatched through
 * EventTarget, whose bookkeeping costs more than the rest of an event's handling on a busy stream.
 */
class ObservedEventSource extends EventSource {
  observer: ((event: Event) => void) | null = null
  override dispatchEvent(event: Event): boolean {
    this.observer?.(event)
    return true
  }
}

async function readPrefix(response: Response): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < errorSnippetBytes) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
  } catch {
    // a truncated error body still classifies by status and content type
  } finally {
    void reader.cancel().catch(() => undefined)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

/**
 * One SSE connection for one case. `eventsource` parses the stream; the wrapped fetch adds the key as
 * a header, resumes with Last-Event-ID, classifies answers that are not event streams (a proxy's HTML
 * page, 401, 404) and taps the body for liveness, size caps and `retry:`. The library's own reconnection
 * is never used: any error closes the connection and the caller's policy decides what happens next.
 */
export function openProgressStream(options: ProgressStreamOptions, handlers: ProgressStreamHandlers): ProgressStream {
  let isClosed = false
  let pendingFailure: StreamFailure | null = null
  const lineScanner = createSseLineScanner((ms) => {
    if (!isClosed) handlers.onRetryHint(ms)
  })

  /** Every chunk is seen before the parser gets it: liveness, the size caps and `retry:`. */
  function tap(chunk: Uint8Array): void {
    if (!isClosed) handlers.onActivity(chunk.byteLength)
    const overflow = lineScanner.scan(chunk)
    if (!overflow) return
    // Not passed on: the parser would buffer it. A failed read ends the connection as a broken stream.
    const error = new VeridoxError('bad_response', overflowMessages[overflow])
    pendingFailure = { kind: 'refused', error }
    throw error
  }

  // The parser only reads the body; a reader that taps each chunk costs less per chunk than a TransformStream.
  const tappedReader = (reader: ReadableStreamDefaultReader<Uint8Array>): ReaderLike => ({
    async read() {
      const result = await reader.read()
      if (result.done) return result
      try {
        tap(result.value)
      } catch (error) {
        void reader.cancel().catch(() => undefined)
        throw error
      }
      return result
    },
    cancel: () => reader.cancel(),
  })

  const wrappedFetch: FetchLike = async (input, init) => {
    const headers = new Headers(init?.headers)
    if (options.lastEventId && !headers.has('last-event-id')) headers.set('Last-Event-ID', options.lastEventId)
    let response: Response
    try {
      response = await options.fetch(String(input), { ...init, headers })
    } catch (error) {
      const classified = error instanceof VeridoxError ? error : errorFromFetchFailure(error)
      // A redirect is an answer from the host (refused, not followed); only a failed connection is the network.
      pendingFailure =
        classified.code === 'network_unreachable' ? { kind: 'network', error: classified } : { kind: 'refused', error: classified }
      throw error
    }
    const contentType = response.headers.get('content-type') ?? ''
    const { body } = response
    if (response.status === 200 && contentType.startsWith('text/event-stream') && body) {
      return {
        status: 200,
        url: response.url,
        redirected: false,
        headers: response.headers,
        body: { getReader: () => tappedReader(body.getReader()) },
      }
    }
    const bodyText = await readPrefix(response)
    pendingFailure = {
      kind: 'refused',
      error: errorFromResponse({
        status: response.status,
        contentType,
        bodyText,
        retryAfter: response.headers.get('retry-after'),
        now: options.now(),
      }),
    }
    // Any non-200 status makes the library give up for good, which is what the caller wants here.
    return new Response(null, { status: response.status === 200 ? 502 : response.status })
  }

  const source = new ObservedEventSource(options.url, { fetch: wrappedFetch })

  function fail(): void {
    if (isClosed) return
    const failure = pendingFailure ?? { kind: 'dropped' }
    close()
    handlers.onFailure(failure)
  }

  function close(): void {
    isClosed = true
    source.observer = null
    source.close()
  }

  source.observer = (event) => {
    if (isClosed) return
    if (event.type === 'open') return handlers.onOpen()
    if (event.type === 'error') return fail()
    if (!(event instanceof MessageEvent)) return
    const data = parseEventData(String(event.data))
    handlers.onMessage(
      data.ok
        ? parseProgressMessage({ namedType: event.type, data: data.data, lineId: event.lastEventId, caseId: options.caseId })
        : { kind: 'malformed', reason: 'event data is not JSON' },
    )
  }

  return { close }
}
