import { AppError } from '../../shared/errors'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import { createVeridoxClient, type Fetch } from '../veridox/veridox-client'
import { VeridoxError } from '../veridox/veridox-error'

/**
 * Resolves when the key may be saved for this host; throws `key_rejected` with words for the analyst when
 * not. `isAnswerRequired`: a host that cannot be asked is no approval (moving a saved key needs one).
 */
export type KeyVerifier = (apiKey: string, baseUrl: string, options?: { isAnswerRequired?: boolean }) => Promise<void>

export function createKeyVerifier(options: { fetch: Fetch; clock: Clock; log: Log }): KeyVerifier {
  return async (apiKey, baseUrl, { isAnswerRequired = false } = {}) => {
    const host = new URL(baseUrl).host
    let status: { is_active?: boolean }
    try {
      status = await createVeridoxClient({ baseUrl, apiKey, fetch: options.fetch, now: options.clock.now }).authStatus()
    } catch (error) {
      if (error instanceof VeridoxError && (error.code === 'key_rejected' || error.code === 'forbidden')) {
        throw new AppError('key_rejected', `Veridox at ${host} did not accept this key. Check it and try again.`)
      }
      if (isAnswerRequired) {
        throw new AppError('network_unreachable', `Veridox at ${host} could not be asked about this key, so it was not moved. Try again.`)
      }
      // Unreachable now is not a verdict on the key: it is saved and used when Veridox can be reached.
      options.log('info', 'saved an API key that could not be checked yet', { reason: error instanceof AppError ? error.code : 'unknown' })
      return
    }
    // docs/veridox-api.md §1.4: `is_active` says whether the key has been revoked.
    if (status.is_active === false) throw new AppError('key_rejected', `Veridox at ${host} says this key has been revoked.`)
  }
}
