export const minApiKeyLength = 8
export const maxApiKeyLength = 512
/** A session JWT carries claims and a signature, so it is longer than a key; 4096 leaves room without inviting megabytes. */
export const maxAccessTokenLength = 4096

/** `api_key`: an organisation key, sent as `x-api-key`. `access_token`: a session JWT, sent as `Authorization: Bearer` (docs/veridox-api.md §1.3). */
export const credentialKinds = ['api_key', 'access_token'] as const
export type CredentialKind = (typeof credentialKinds)[number]

/** What Case Monitor sends to Veridox. It flows one way: into main, never back to the renderer. */
export interface Credential {
  kind: CredentialKind
  secret: string
}

export type ApiKeyFault = 'too_short' | 'too_long' | 'not_printable'

// Veridox keys look like `vdx_…` (docs/veridox-api.md §1.2), but the format is not promised, so only the
// shape is checked. The key goes into a header: a CR or LF there would be refused by fetch (quoting the
// key in its error) or, elsewhere, split the request, so only printable ASCII without spaces passes.
const printableAscii = /^[\x21-\x7e]+$/

/** What is wrong with an API key as entered (surrounding spaces are the caller's to trim); null when it can be used. */
export function apiKeyFault(apiKey: string): ApiKeyFault | null {
  return credentialFault({ kind: 'api_key', secret: apiKey })
}

/** What is wrong with a credential as entered (surrounding spaces are the caller's to trim); null when it can be used. */
export function credentialFault(credential: Credential): ApiKeyFault | null {
  const maxLength = credential.kind === 'access_token' ? maxAccessTokenLength : maxApiKeyLength
  if (credential.secret.length < minApiKeyLength) return 'too_short'
  if (credential.secret.length > maxLength) return 'too_long'
  if (!printableAscii.test(credential.secret)) return 'not_printable'
  return null
}

/** Words that never quote the key: it must not reach a message, a log or a terminal. */
export const apiKeyFaultWords: Record<ApiKeyFault, string> = {
  too_short: 'too short to be an API key',
  too_long: 'too long to be an API key',
  not_printable: 'an API key has no spaces, line breaks or special characters',
}

export const accessTokenFaultWords: Record<ApiKeyFault, string> = {
  too_short: 'too short to be an access token',
  too_long: 'too long to be an access token',
  not_printable: 'an access token has no spaces, line breaks or special characters',
}

export const credentialFaultWords: Record<CredentialKind, Record<ApiKeyFault, string>> = {
  api_key: apiKeyFaultWords,
  access_token: accessTokenFaultWords,
}

/** The analyst's name for each kind. */
export const credentialKindWords: Record<CredentialKind, string> = { api_key: 'API key', access_token: 'access token' }
