import { credentialKindWords, type Credential } from '../../shared/credential-rules'
import { errorFromFetchFailure, redirectRefused, VeridoxError } from './veridox-error'

export type Fetch = typeof fetch
export type CredentialedFetch = (url: string, init?: RequestInit) => Promise<Response>

// Chromium's fetch (net.fetch) would answer from its HTTP cache; Node's types do not know the option.
const noStore = { cache: 'no-store' } as RequestInit

/** The one place that decides how a credential travels (docs/veridox-api.md §1.3): REST, poll and stream alike. */
export function credentialHeader(credential: Credential): [name: string, value: string] {
  return credential.kind === 'access_token' ? ['authorization', `Bearer ${credential.secret}`] : ['x-api-key', credential.secret]
}

/**
 * The only way a credential leaves this app: to the configured origin, never along a redirect.
 * fetch follows redirects by default and strips only `Authorization` when the origin changes, so an
 * `x-api-key` would reach any host a 307 names; here a redirect is an answer, not a hop (for a Bearer
 * token too, rather than trusting every fetch to strip it).
 */
export function createCredentialedFetch(options: { baseUrl: string; credential: Credential; fetch: Fetch }): CredentialedFetch {
  const origin = new URL(options.baseUrl).origin

  return async function credentialedFetch(url: string, init: RequestInit = {}): Promise<Response> {
    if (new URL(url).origin !== origin) throw new Error('a credentialed request may go only to the configured Veridox origin')
    let headers: Headers
    try {
      headers = new Headers(init.headers)
      headers.set(...credentialHeader(options.credential))
    } catch {
      // fetch's Headers quotes a refused value in its error, and the value here is the key.
      const kind = credentialKindWords[options.credential.kind]
      throw new VeridoxError('invalid_input', `The ${kind} holds characters that cannot be sent to Veridox; enter it again.`)
    }
    let response: Response
    try {
      response = await options.fetch(url, { ...init, ...noStore, headers, redirect: 'manual' })
    } catch (error) {
      if (init.signal?.aborted) throw error
      throw errorFromFetchFailure(error)
    }
    const redirect = redirectOf(response)
    if (redirect) {
      void response.body?.cancel().catch(() => undefined)
      throw redirect
    }
    return response
  }
}

/** Node's fetch hands back the 3xx itself; Chromium's (`net.fetch`) an opaque redirect with status 0. */
function redirectOf(response: Response): VeridoxError | null {
  if (response.type === 'opaqueredirect') return redirectRefused(0)
  if (response.status >= 300 && response.status < 400) return redirectRefused(response.status)
  return null
}
