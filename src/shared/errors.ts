/**
 * Every error that crosses a boundary (IPC, CLI output) carries one of these codes; the UI maps each
 * to words an analyst can act on. Raw internal messages never cross (they can hold paths or keys).
 */
export const errorCodes = [
  'invalid_input',
  'invalid_case_id',
  'case_not_found',
  'case_deleted',
  'key_rejected',
  'key_missing',
  'forbidden',
  'rate_limited',
  'network_unreachable',
  'proxy_interference',
  'server_error',
  'bad_response',
  'not_available',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorData {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData }

/** An error whose message was written for people and is safe to show or send over IPC. */
export class AppError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }

  toData(): ErrorData {
    return { code: this.code, message: this.message }
  }
}
