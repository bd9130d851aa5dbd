export const minApiKeyLength = 8
export const maxApiKeyLength = 512

export type ApiKeyFault = 'too_short' | 'too_long' | 'not_printable'

// Veridox keys look like `vdx_…` (docs/veridox-api.md §1.2), but the format is not promised, so only the
// shape is checked. The key goes into a header: a CR or LF there would be refused by fetch (quoting the
// key in its error) or, elsewhere, split the request, so only printable ASCII without spaces passes.
const printableAscii = /^[\x21-\x7e]+$/

/** What is wrong with an API key as entered (surrounding spaces are the caller's to trim); null when it can be used. */
export function apiKeyFault(apiKey: string): ApiKeyFault | null {
  if (apiKey.length < minApiKeyLength) return 'too_short'
  if (apiKey.length > maxApiKeyLength) return 'too_long'
  if (!printableAscii.test(apiKey)) return 'not_printable'
  return null
}

/** Words that never quote the key: it must not reach a message, a log or a terminal. */
export const apiKeyFaultWords: Record<ApiKeyFault, string> = {
  too_short: 'too short to be an API key',
  too_long: 'too long to be an API key',
  not_printable: 'an API key has no spaces, line breaks or special characters',
}
