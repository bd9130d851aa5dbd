import type { IncomingMessage } from 'node:http'
import type { IdGenerator } from './uuid-v7'

export interface KeyInfo {
  key: string
  isActive: boolean
  organisationId: string
  teamId: string
  teamName: string
}

export type KeyRegistry = ReturnType<typeof createKeyRegistry>

export function createKeyRegistry(initialKeys: string[], nextId: IdGenerator) {
  const keys = new Map<string, KeyInfo>()
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
    /** Known and active, or null. */
    authenticate: (key: string | null): KeyInfo | null => (key === null ? null : keys.get(key)?.isActive ? keys.get(key)! : null),
    lookup: (key: string): KeyInfo | undefined => keys.get(key),
    defaultKey: (): string => initialKeys[0],
  }
}

/**
 * `x-api-key` (endpoint reference), `Authorization: Bearer` (neo reference), and on the stream only
 * `?api_key=` / `?access_token=` (docs/veridox-api.md §3.1), which exist for browser EventSource.
 */
export function credentialFrom(req: IncomingMessage, url: URL, allowQuery: boolean): string | null {
  const header = req.headers['x-api-key']
  if (typeof header === 'string' && header !== '') return header
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  if (bearer) return bearer[1]
  if (allowQuery) return url.searchParams.get('api_key') || url.searchParams.get('access_token') || null
  return null
}
