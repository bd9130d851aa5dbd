import { keyEndpointOf, regionBaseUrl, type RegionId, type SavedKeyProblem } from '../../shared/backend'
import { customBaseUrlProblem } from '../../shared/endpoint-rules'

export interface SavedKey {
  apiKey: string
  /** The origin the key was saved and verified for; null (an entry from before keys were bound, or a damaged one) binds it to nothing. */
  endpoint: string | null
}

/**
 * Where the API key lives. It flows one way: main reads it to call Veridox; the renderer can only set
 * or clear it and learn whether one is set, and for which host.
 */
export interface SecretStore {
  read(): SavedKey | null
  /** Saves the key bound to the origin it was verified for. */
  write(apiKey: string, endpoint: string): void
  clear(): void
  /** `os`: encrypted by the operating system's keychain. `memory`: kept only until the app quits. */
  readonly protection: 'os' | 'memory'
  /** Why the key saved on disk could not be read at launch; null once the analyst saves or clears a key. */
  readonly savedKeyProblem: SavedKeyProblem | null
}

/** A stored endpoint is trusted only in the exact form we write, and only where the key may go at all. */
export function readEndpoint(value: unknown): string | null {
  if (typeof value !== 'string' || customBaseUrlProblem(value) !== null) return null
  return keyEndpointOf(value) === value ? value : null
}

/**
 * The one rule for when the saved key may be sent: only to the endpoint it was saved for. A key moved
 * to another host (a changed region or address, or an edited settings.json) waits for the analyst.
 */
export function keyForEndpoint(saved: SavedKey | null, settings: { region: RegionId; customBaseUrl: string | null }): string | null {
  const baseUrl = regionBaseUrl(settings.region, settings.customBaseUrl)
  if (!saved || saved.endpoint === null || baseUrl === null || customBaseUrlProblem(baseUrl) !== null) return null
  return keyEndpointOf(baseUrl) === saved.endpoint ? saved.apiKey : null
}

export function createMemorySecretStore(apiKey: string | null = null, endpoint: string | null = null): SecretStore {
  let saved: SavedKey | null = apiKey === null ? null : { apiKey, endpoint }
  return {
    read: () => (saved ? { ...saved } : null),
    write(apiKey, endpoint) {
      saved = { apiKey, endpoint }
    },
    clear() {
      saved = null
    },
    protection: 'memory',
    savedKeyProblem: null,
  }
}
