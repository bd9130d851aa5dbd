import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import { ApiError, apiErrors } from './api-errors'

const MAX_BODY_BYTES = 1024 * 1024
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers)
}

export function sendJsonText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, error.toBody(), error.headers)
}

/**
 * The body, or a 413 once it passes MAX_BODY_BYTES. The rest is read and thrown away before answering:
 * a server that closes mid-upload leaves the client a connection reset instead of the envelope. Past
 * MAX_DISCARDED_BYTES more the sender is cut off, since nothing it says can be useful any more.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
      else if (size > MAX_BODY_BYTES + MAX_DISCARDED_BYTES) req.destroy()
    })
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(apiErrors.payloadTooLarge()) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
  })
}

/** Parses and validates a JSON body; the first problem becomes a 400 naming its field. */
export async function readJsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const raw = (await readBody(req)).toString('utf8')
  let json: unknown
  try {
    json = raw.trim() === '' ? {} : JSON.parse(raw)
  } catch {
    throw apiErrors.invalid('body', 'is not valid JSON')
  }
  return parseOrThrow(schema, json, 'body')
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, fallbackField: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : fallbackField
  throw apiErrors.invalid(field, issue.message.replace(/^Invalid input: /, '').toLowerCase())
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

/** An optional integer query parameter within bounds, or a 400 naming it. */
export function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!/^-?\d+$/.test(raw) || value < min || value > max) throw apiErrors.invalid(name, `must be an integer from ${min} to ${max}`)
  return value
}
