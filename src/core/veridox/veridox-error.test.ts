import { describe, expect, it } from 'vitest'
import { errorFromFetchFailure, VeridoxError } from './veridox-error'

const key = 'vdx_abc\r\nX-Evil: 1'

/** What Node's own fetch (undici) rejects with when a header value holds CR LF: its message quotes the value. */
async function realHeaderFailure(): Promise<unknown> {
  return fetch('http://127.0.0.1:9/cases', { headers: { 'x-api-key': key } }).then(
    () => expect.unreachable('fetch accepted a header value holding CR LF'),
    (error: unknown) => error,
  )
}

describe('errorFromFetchFailure', () => {
  it('gives a message without the key when fetch’s own error quotes it', async () => {
    const failure = await realHeaderFailure()
    expect(String((failure as Error).message)).toContain('X-Evil')
    const error = errorFromFetchFailure(failure)
    expect(error).toBeInstanceOf(VeridoxError)
    expect(error.message).toBe('Could not reach Veridox.')
    expect(error.toData().message).not.toContain('X-Evil')
  })

  it('quotes an errno-style code from the cause, but never the cause’s message', () => {
    const cause = Object.assign(new Error(`connect ECONNREFUSED while sending x-api-key: ${key}`), { code: 'ECONNREFUSED' })
    const error = errorFromFetchFailure(new TypeError(`fetch failed for ${key}`, { cause }))
    expect(error.message).toBe('Could not reach Veridox (ECONNREFUSED).')
  })

  it('does not quote a cause code that is not errno-style, since it could be any text', () => {
    const cause = Object.assign(new Error('boom'), { code: key })
    expect(errorFromFetchFailure(new TypeError('fetch failed', { cause })).message).toBe('Could not reach Veridox.')
  })
})
