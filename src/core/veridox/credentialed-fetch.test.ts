import { describe, expect, it } from 'vitest'
import { createVeridoxClient } from './veridox-client'
import { VeridoxError } from './veridox-error'

// Port 9 (discard) on loopback: nothing should be sent anywhere, and nothing is listening if it were.
const baseUrl = 'http://127.0.0.1:9'
const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'

describe('a credential that cannot travel in a header', () => {
  it.each([
    ['api_key', 'API key'],
    ['access_token', 'access token'],
  ] as const)('%s: fails the request with a VeridoxError in our words, never fetch’s error that quotes it', async (kind, words) => {
    const client = createVeridoxClient({ baseUrl, credential: { kind, secret: 'vdx_abc\r\nX-Evil: 1' }, fetch })
    const failure = await client.getCase(caseId).then(
      () => expect.unreachable('a request with a CR LF key succeeded'),
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(VeridoxError)
    expect((failure as VeridoxError).toData()).toEqual({
      code: 'invalid_input',
      message: `The ${words} holds characters that cannot be sent to Veridox; enter it again.`,
    })
    expect(JSON.stringify(failure, Object.getOwnPropertyNames(failure))).not.toContain('X-Evil')
  })
})
