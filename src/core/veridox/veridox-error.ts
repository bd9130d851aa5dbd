import { AppError, type ErrorCode } from '../../shared/errors'
import { clampServerDelay } from '../policy/server-delays'
import { errorEnvelopeSchema } from './wire-schemas'

/** A failed Veridox request, classified. Messages are written for people and never contain the key. */
export class VeridoxError extends AppError {
  readonly status: number | null
  readonly retryAfterMs: number | null
  readonly veridoxCode: string | null

  constructor(
    code: ErrorCode,
    message: string,
    details: { status?: number | null; retryAfterMs?: number | null; veridoxCode?: string | null; cause?: unknown } = {},
  ) {
    super(code, message, { cause: details.cause })
    this.name = 'VeridoxError'
    this.status = details.status ?? null
    this.retryAfterMs = details.retryAfterMs ?? null
    this.veridoxCode = details.veridoxCode ?? null
  }

  /** Retrying the same request later can succeed. */
  get isTransient(): boolean {
    return ['rate_limited', 'server_error', 'network_unreachable', 'proxy_interference', 'bad_response'].includes(this.code)
  }
}

/** Retry-After is whole seconds or an HTTP date (RFC 9110 §10.2.3), clamped to its ceiling. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return clampServerDelay(Number(trimmed) * 1000, 'retryAfter')
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? null : clampServerDelay(date - now, 'retryAfter')
}

function readEnvelope(bodyText: string): { code: string | null; message: string | null } {
  try {
    const parsed = errorEnvelopeSchema.safeParse(JSON.parse(bodyText))
    if (parsed.success) return { code: parsed.data.error_code, message: parsed.data.error_message ?? null }
  } catch {
    // not JSON: classified by status and content type below
  }
  return { code: null, message: null }
}

export function errorFromResponse(response: {
  status: number
  contentType: string
  bodyText: string
  retryAfter: string | null
  now: number
}): VeridoxError {
  const { status, contentType } = response
  const envelope = readEnvelope(response.bodyText)
  const details = { status, veridoxCode: envelope.code, retryAfterMs: parseRetryAfter(response.retryAfter, response.now) }
  const isHtml = contentType.includes('text/html')
  // Veridox answers in its JSON envelope; a web page saying 401 or 407 is a proxy or captive portal
  // asking to sign in, never Veridox's verdict on the key.
  if (status === 407 || (isHtml && (status === 401 || status === 403))) {
    return new VeridoxError(
      'proxy_interference',
      `A proxy or sign-in page between this computer and Veridox asked for credentials (HTTP ${status}); the key was not judged.`,
      details,
    )
  }
  if (status === 401) return new VeridoxError('key_rejected', 'Veridox rejected the API key (HTTP 401).', details)
  if (status === 403) {
    return new VeridoxError('forbidden', 'Veridox refused access with this API key (HTTP 403).', details)
  }
  if (status === 404 && !isHtml) {
    return new VeridoxError('case_not_found', 'Veridox has no case with this ID, or it belongs to another organisation.', details)
  }
  if (status === 429) return new VeridoxError('rate_limited', 'Veridox asked the app to slow down (HTTP 429).', details)
  if (status >= 500) return new VeridoxError('server_error', `Veridox had a server problem (HTTP ${status}).`, details)
  if (isHtml) {
    return new VeridoxError(
      'proxy_interference',
      `Something between this computer and Veridox (a proxy or firewall) answered with a web page (HTTP ${status}).`,
      details,
    )
  }
  return new VeridoxError('bad_response', `Veridox sent an unexpected answer (HTTP ${status}).`, details)
}

export function errorFromFetchFailure(error: unknown): VeridoxError {
  // Only an errno-style code is quoted: a library's message text can carry a header value, the key included.
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined
  const timedOut = error instanceof Error && error.name === 'TimeoutError'
  const detail = timedOut ? ' (no answer in time)' : typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,31}$/.test(code) ? ` (${code})` : ''
  return new VeridoxError('network_unreachable', `Could not reach Veridox${detail}.`, { cause: error })
}

export function redirectRefused(status: number): VeridoxError {
  const code = status > 0 ? ` (HTTP ${status})` : ''
  return new VeridoxError(
    'proxy_interference',
    `Veridox's address answered with a redirect elsewhere${code}; it was not followed, so the key went nowhere else.`,
    { status: status || null },
  )
}

export function badBody(what: string, status: number): VeridoxError {
  return new VeridoxError('bad_response', `Veridox sent ${what} this app could not read (HTTP ${status}).`, { status })
}
