import { credentialKindWords, type Credential } from '../../shared/credential-rules'
import { AppError } from '../../shared/errors'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import { createVeridoxClient, type Fetch } from '../veridox/veridox-client'
import { VeridoxError } from '../veridox/veridox-error'

/**
 * Resolves when the credential may be saved for this host; throws `key_rejected` with words for the
 * analyst when not. `isAnswerRequired`: a host that cannot be asked is no approval (moving a saved key needs one).
 */
export type KeyVerifier = (credential: Credential, baseUrl: string, options?: { isAnswerRequired?: boolean }) => Promise<void>

// Each refusal in words the analyst can act on; they name the host, never the credential.
const refusedWords = {
  api_key: (host: string) => `Veridox at ${host} did not accept this API key. Check that it was copied in full and try again.`,
  access_token: (host: string) =>
    `Veridox at ${host} did not accept this access token (expired or revoked?). Copy a new one from the Veridox dashboard, or use an API key.`,
}
const forbiddenWords = (host: string, kind: string) =>
  `Veridox at ${host} recognised this ${kind} but does not let it see cases. Ask your organisation administrator for access.`
const revokedWords = (host: string) =>
  `Veridox at ${host} says this API key has been revoked. Ask your organisation administrator for a new one.`
const unfinishedSignInWords = (host: string) =>
  `Veridox at ${host} says this access token is for a sign-in that is not finished (an email code or device check is outstanding). Finish signing in, then copy a new token.`

export function createKeyVerifier(options: { fetch: Fetch; clock: Clock; log: Log }): KeyVerifier {
  return async (credential, baseUrl, { isAnswerRequired = false } = {}) => {
    const host = new URL(baseUrl).host
    const kind = credentialKindWords[credential.kind]
    let status: { type: string; is_active?: boolean; complete?: unknown }
    try {
      status = await createVeridoxClient({ baseUrl, credential, fetch: options.fetch, now: options.clock.now }).authStatus()
    } catch (error) {
      if (error instanceof VeridoxError && error.code === 'key_rejected')
        throw new AppError('key_rejected', refusedWords[credential.kind](host))
      if (error instanceof VeridoxError && error.code === 'forbidden') throw new AppError('key_rejected', forbiddenWords(host, kind))
      if (isAnswerRequired) {
        throw new AppError(
          'network_unreachable',
          `Veridox at ${host} could not be asked about this ${kind}, so it was not moved. Try again.`,
        )
      }
      // Unreachable now is not a verdict on the credential: it is saved and used when Veridox can be reached.
      options.log('info', 'saved a credential that could not be checked yet', {
        kind: credential.kind,
        reason: error instanceof AppError ? error.code : 'unknown',
      })
      return
    }
    // docs/veridox-api.md §1.4: `is_active` says whether a key has been revoked; `type: 'none'` means no
    // credential was recognised; a user session reports whether multi-factor sign-in is `complete`.
    if (status.is_active === false) throw new AppError('key_rejected', revokedWords(host))
    if (status.type === 'none') throw new AppError('key_rejected', refusedWords[credential.kind](host))
    if (status.type === 'user' && status.complete === false) throw new AppError('key_rejected', unfinishedSignInWords(host))
  }
}
