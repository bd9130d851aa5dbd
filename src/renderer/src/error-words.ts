import { AppError, type ErrorCode } from '@shared/errors'

/**
 * Where the error happened changes what the analyst can do about it. `case`: the app is still
 * following the case and retries by itself; `stoppedCase`: it gave up until the analyst presses Retry.
 */
export type ErrorContext = 'case' | 'stoppedCase' | 'apiKey' | 'accessToken' | 'command'

// The one place an error code becomes words. Raw messages are never shown: they can hold paths or keys.
const words: Record<ErrorCode, string> = {
  invalid_input: 'That input was not accepted. Check it and try again.',
  invalid_case_id: 'That is not a valid Veridox case ID.',
  case_not_found: 'Veridox has no case with this ID in the selected region. Check the ID, or the region in Settings.',
  case_deleted: 'This case was deleted in Veridox (or moved out of your organisation). Stop watching it, or Retry if it comes back.',
  key_rejected: 'Veridox rejected the API key. Save a new key in Settings.',
  key_missing: 'No API key is saved. Add one in Settings to watch real cases.',
  forbidden: 'This API key is not allowed to see this case.',
  rate_limited: 'Veridox is limiting how often the app may ask. Updates will resume shortly.',
  network_unreachable: 'Veridox cannot be reached. Check your network connection.',
  proxy_interference: 'A proxy or firewall is blocking live updates, so the app is checking periodically instead.',
  server_error: 'Veridox had a problem on its side. The app will try again.',
  bad_response: 'Veridox sent a reply the app could not read. The app will try again.',
  not_available: 'That is not available right now.',
  internal: 'Something went wrong inside Case Monitor. Try again; restart the app if it keeps happening.',
}

const apiKeyWords: Partial<Record<ErrorCode, string>> = {
  key_rejected: 'Veridox rejected that key. Check that it was copied in full and belongs to the selected region.',
  invalid_input: 'That does not look like an API key. Keys have no spaces and are at least 8 characters long.',
  network_unreachable: 'The key could not be checked because Veridox cannot be reached. Check your connection and try again.',
  forbidden: 'That key is valid but does not have access to cases.',
}

const accessTokenWords: Partial<Record<ErrorCode, string>> = {
  key_rejected:
    'Veridox did not accept this access token (expired or revoked?). Copy a new one from the Veridox dashboard, or use an API key.',
  invalid_input: 'That does not look like an access token. Tokens have no spaces or line breaks.',
  network_unreachable: 'The token could not be checked because Veridox cannot be reached. Check your connection and try again.',
  forbidden: 'That token is valid but does not have access to cases.',
}

const stoppedCaseWords: Partial<Record<ErrorCode, string>> = {
  server_error: 'Veridox kept failing on its side, so the app stopped trying. Use Retry to try again.',
  bad_response: 'Veridox kept sending replies the app could not read, so it stopped trying. Use Retry to try again.',
  network_unreachable: 'Veridox could not be reached, so the app stopped trying. Check your connection, then Retry.',
  rate_limited: 'Veridox kept limiting requests, so the app stopped trying. Retry in a few minutes.',
  forbidden: 'This API key is not allowed to see this case. Use a key with access, then Retry.',
  internal: 'Something went wrong inside Case Monitor while following this case. Use Retry to try again.',
}

const wordsByContext: Partial<Record<ErrorContext, Partial<Record<ErrorCode, string>>>> = {
  apiKey: apiKeyWords,
  accessToken: accessTokenWords,
  stoppedCase: stoppedCaseWords,
}

export function errorWords(code: ErrorCode, context: ErrorContext = 'command'): string {
  return wordsByContext[context]?.[code] ?? words[code]
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof AppError ? error.code : 'internal'
}

export function describeError(error: unknown, context: ErrorContext = 'command'): string {
  return errorWords(errorCodeOf(error), context)
}
