import type { IncomingMessage } from 'node:http'
import type { IdGenerator } from './uuid-v7'

export interface KeyInfo {
  key: string
  isActive: boolean
  organisationId: string
  teamId: string
  teamName: string
}

/** How a credential arrived; an API key and a session access token (JWT) are accepted on different ones. */
export type CredentialScheme = 'x-api-key' | 'bearer' | 'api_key_query' | 'access_token_query'

export interface PresentedCredential {
  secret: string
  scheme: CredentialScheme
}

/** A dashboard user's session token, acting with the organisation of the key it was issued for. */
interface TokenInfo {
  ownerKey: string
  isActive: boolean
}

export type KeyRegistry = ReturnType<typeof createKeyRegistry>

// The neo reference sends `Bearer <token>`; the older pages send keys in x-api-key; the stream also
// takes `?api_key=` and `?access_token=` (docs/veridox-api.md §1.3). A key sent as Bearer (or its query
// twin) is accepted, as the simulator always has; a JWT in x-api-key or `?api_key=` is not an API key.
const keySchemes = new Set<CredentialScheme>(['x-api-key', 'bearer', 'api_key_query', 'access_token_query'])
const tokenSchemes = new Set<CredentialScheme>(['bearer', 'access_token_query'])

const base64Url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

export function createKeyRegistry(initialKeys: string[], nextId: IdGenerator) {
  const keys = new Map<string, KeyInfo>()
  const tokens = new Map<string, TokenInfo>()
  const add = (key: string): KeyInfo => {
    const existing = keys.get(key)
    if (existing) {
      existing.isActive = true
      return existing
    }
    const info = { key, isActive: true, organisationId: nextId(), teamId: nextId(), teamName: `Simulator team ${keys.size + 1}` }
    keys.set(key, info)
    return info
  }
  const activeKey = (key: string): KeyInfo | null => (keys.get(key)?.isActive ? keys.get(key)! : null)
  for (const key of initialKeys) add(key)
  return {
    add,
    /** Returns whether the key was active. */
    revoke(key: string): boolean {
      const info = keys.get(key)
      if (!info || !info.isActive) return false
      info.isActive = false
      return true
    },
    /** A JWT-shaped session token; its header is the one the documented example decodes to (§1.4). Not a real signature. */
    issueToken(ownerKey: string): string {
      if (!keys.has(ownerKey)) throw new Error('issueAccessToken: unknown API key (add it first)')
      const token = [base64Url({ alg: 'EdDSA', typ: 'JWT' }), base64Url({ sub: nextId(), iat: tokens.size }), base64Url(nextId())].join('.')
      tokens.set(token, { ownerKey, isActive: true })
      return token
    },
    /** Expired or revoked: 401 from then on. */
    revokeToken(token: string): boolean {
      const info = tokens.get(token)
      if (!info || !info.isActive) return false
      info.isActive = false
      return true
    },
    /** The active key a credential acts for, or null. */
    authenticate(presented: PresentedCredential | null): KeyInfo | null {
      if (presented === null) return null
      const token = tokens.get(presented.secret)
      if (token) return token.isActive && tokenSchemes.has(presented.scheme) ? activeKey(token.ownerKey) : null
      return keySchemes.has(presented.scheme) ? activeKey(presented.secret) : null
    },
    lookup: (key: string): KeyInfo | undefined => keys.get(key),
    lookupToken: (token: string): TokenInfo | undefined => tokens.get(token),
    defaultKey: (): string => initialKeys[0],
  }
}

export function credentialFrom(req: IncomingMessage, url: URL, allowQuery: boolean): PresentedCredential | null {
  const header = req.headers['x-api-key']
  if (typeof header === 'string' && header !== '') return { secret: header, scheme: 'x-api-key' }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  if (bearer) return { secret: bearer[1], scheme: 'bearer' }
  if (!allowQuery) return null
  const apiKey = url.searchParams.get('api_key')
  if (apiKey) return { secret: apiKey, scheme: 'api_key_query' }
  const accessToken = url.searchParams.get('access_token')
  return accessToken ? { secret: accessToken, scheme: 'access_token_query' } : null
}
