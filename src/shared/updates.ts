import { baseUrlFault } from './endpoint-rules'

/** Where Case Monitor looks for new releases when the analyst has not set a feed of their own. */
export const defaultUpdateFeedUrl = 'https://updates.veridox.ai/case-monitor'

/** Why the last update check or download did not get anywhere; the window words each one. */
export const updateFailures = ['unreachable', 'timed_out', 'not_found', 'server_error', 'not_a_feed', 'download_failed'] as const
export type UpdateFailure = (typeof updateFailures)[number]

/**
 * Where the update flow stands. `available` with `installsHere: false` is a copy that cannot replace
 * itself (run from source, not installed): the check runs, nothing is downloaded or installed.
 */
export type UpdateStatus =
  | { state: 'off' }
  | { state: 'waiting' }
  | { state: 'checking' }
  | { state: 'up_to_date'; version: string }
  | { state: 'available'; version: string; installsHere: boolean }
  | { state: 'downloading'; version: string }
  | { state: 'ready'; version: string }
  | { state: 'failed'; failure: UpdateFailure }

export function updateFeedAddress(updateFeedUrl: string | null): string {
  return updateFeedUrl ?? defaultUpdateFeedUrl
}

/** Why an address cannot be the update feed, in words the analyst can act on; null when it can. Same transport rule as the Veridox host. */
export function updateFeedUrlProblem(value: string): string | null {
  const fault = baseUrlFault(value)
  if (fault === null) return null
  if (fault === 'too_long') return 'That update feed address is too long.'
  if (fault === 'credentials') return 'The update feed address may not hold a user name or password.'
  return 'The update feed must be an https:// address (plain http:// only on this computer), without a query or fragment.'
}
