import type { z } from 'zod'
import type { Credential } from '../../shared/credential-rules'
import { createCredentialedFetch, type Fetch } from './credentialed-fetch'
import { parseProgressMessage, type ParsedMessage } from './progress-event'
import { openProgressStream, type ProgressStream, type ProgressStreamHandlers } from './progress-stream'
import { badBody, errorFromFetchFailure, errorFromResponse, VeridoxError } from './veridox-error'
import {
  authStatusSchema,
  caseDetailsSchema,
  caseListSchema,
  createdCaseSchema,
  pollResponseSchema,
  type CaseDetails,
  type CaseList,
  type CreatedCase,
} from './wire-schemas'

export type { Fetch } from './credentialed-fetch'

export interface VeridoxClientOptions {
  baseUrl: string
  /** An API key or an access token; credentialed-fetch.ts decides the header. */
  credential: Credential
  /** REST calls. */
  fetch: Fetch
  /**
   * The SSE streams; `fetch` when absent. Each open stream holds a connection for as long as it runs,
   * so over HTTP/1.1 a pool with few connections per host (Chromium's, 6) must not carry them beside REST.
   */
  streamFetch?: Fetch
  now?: () => number
  requestTimeoutMs?: number
}

export interface PollPage {
  messages: ParsedMessage[]
  hasMore: boolean
}

export interface VeridoxClient {
  readonly baseUrl: string
  getCase(caseId: string, signal?: AbortSignal): Promise<CaseDetails>
  listCases(query: { limit: number; offset: number; label?: string }, signal?: AbortSignal): Promise<CaseList>
  pollProgress(caseId: string, lastEventId: string | null, signal?: AbortSignal): Promise<PollPage>
  authStatus(signal?: AbortSignal): Promise<{ type: string; is_active?: boolean; complete?: boolean }>
  createCase(input: { label: string; fileLabels: string[] }, signal?: AbortSignal): Promise<CreatedCase>
  uploadFile(sasUrl: string, body: string, signal?: AbortSignal): Promise<void>
  /** One SSE connection; Last-Event-ID resumes where the caller stopped. */
  openStream(caseId: string, lastEventId: string | null, handlers: ProgressStreamHandlers): ProgressStream
}

export function createVeridoxClient(options: VeridoxClientOptions): VeridoxClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const now = options.now ?? Date.now
  const timeoutMs = options.requestTimeoutMs ?? 20_000

  interface RequestOptions {
    method?: string
    headers?: Record<string, string>
    body?: string
    signal?: AbortSignal | undefined
  }

  const credentialedFetch = createCredentialedFetch({ baseUrl, credential: options.credential, fetch: options.fetch })
  const credentialedStreamFetch = options.streamFetch
    ? createCredentialedFetch({ baseUrl, credential: options.credential, fetch: options.streamFetch })
    : credentialedFetch

  function send(path: string, init: RequestOptions): Promise<Response> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(init.signal ? [init.signal] : [])]
    return credentialedFetch(`${baseUrl}${path}`, {
      ...init,
      signal: AbortSignal.any(signals),
      headers: { accept: 'application/json', ...init.headers },
    })
  }

  async function requestJson<T>(path: string, schema: z.ZodType<T, unknown>, init: RequestOptions = {}): Promise<T> {
    const response = await send(path, init)
    const contentType = response.headers.get('content-type') ?? ''
    const bodyText = await response.text()
    if (!response.ok || !contentType.includes('json')) {
      if (response.ok && !contentType.includes('text/html')) throw badBody('a non-JSON answer', response.status)
      throw errorFromResponse({
        status: response.status,
        contentType,
        bodyText,
        retryAfter: response.headers.get('retry-after'),
        now: now(),
      })
    }
    let json: unknown
    try {
      json = JSON.parse(bodyText)
    } catch {
      throw badBody('malformed JSON', response.status)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success)
      throw badBody(`an answer without ${parsed.error.issues[0]?.path.join('.') || 'the expected fields'}`, response.status)
    return parsed.data
  }

  const casePath = (caseId: string): string => `/cases/${encodeURIComponent(caseId)}`

  return {
    baseUrl,
    getCase: (caseId, signal) => requestJson(casePath(caseId), caseDetailsSchema, { signal }),
    listCases(query, signal) {
      const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) })
      if (query.label !== undefined) params.set('label', query.label)
      return requestJson(`/cases?${params}`, caseListSchema, { signal })
    },
    async pollProgress(caseId, lastEventId, signal) {
      const query = lastEventId ? `?${new URLSearchParams({ last_event_id: lastEventId })}` : ''
      const page = await requestJson(`${casePath(caseId)}/progress/poll${query}`, pollResponseSchema, { signal })
      return {
        hasMore: page.has_more,
        messages: page.events.map((data) => parseProgressMessage({ namedType: null, data, lineId: null, caseId })),
      }
    },
    authStatus: (signal) => requestJson('/authentication/status', authStatusSchema, { signal }),
    createCase: (input, signal) =>
      requestJson('/cases', createdCaseSchema, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ label: input.label, file_labels: input.fileLabels }),
      }),
    async uploadFile(sasUrl, body, signal) {
      // Uploads go straight to blob storage through the pre-signed URL (docs/veridox-api.md §2.6), without the key.
      let response: Response
      try {
        response = await options.fetch(sasUrl, { method: 'PUT', body, signal, headers: { 'x-ms-blob-type': 'BlockBlob' } })
      } catch (error) {
        throw errorFromFetchFailure(error)
      }
      if (!response.ok) {
        throw new VeridoxError('server_error', `The file upload was refused (HTTP ${response.status}).`, { status: response.status })
      }
    },
    openStream: (caseId, lastEventId, handlers) =>
      openProgressStream(
        { url: `${baseUrl}${casePath(caseId)}/progress/stream`, caseId, fetch: credentialedStreamFetch, lastEventId, now },
        handlers,
      ),
  }
}
