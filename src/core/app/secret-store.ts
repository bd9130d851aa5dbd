import {
  keyEndpointOf,
  regionBaseUrl,
  type KeychainAvailability,
  type KeyProtection,
  type RegionId,
  type HostStyle,
  type SavedKeyProblem,
} from '../../shared/backend'
import type { Credential } from '../../shared/credential-rules'
import { customBaseUrlProblem } from '../../shared/endpoint-rules'

export interface SavedCredential extends Credential {
  /** The origin it was saved and verified for; null (an entry from before keys were bound, or a damaged one) binds it to nothing. */
  endpoint: string | null
  protection: KeyProtection
}

/** `keychain`: keep it on disk, sealed by the system (or, on basic_text, readable by other programs). `session`: memory only, forgotten at quit. */
export type StorageChoice = 'keychain' | 'session'

/**
 * Where credentials live, one per endpoint. They flow one way: main reads them to call Veridox; the
 * renderer can only set or clear one and learn its kind, protection and endpoint.
 */
export interface SecretStore {
  /** Every saved credential, the most recently saved first. */
  list(): SavedCredential[]
  /** Saves the credential bound to the origin it was verified for, replacing that origin's. */
  write(credential: Credential, endpoint: string, storage?: StorageChoice): void
  /** Forgets the credential of one origin (null: the one bound to no host). */
  remove(endpoint: string | null): void
  /** Forgets every credential, and discards a saved entry that could not be read. */
  clear(): void
  /** What this computer's keychain can do, known before anything is saved. */
  readonly availability: KeychainAvailability
  /** Why the credentials saved on disk could not be read at launch; null once the analyst saves or clears one. */
  readonly savedKeyProblem: SavedKeyProblem | null
}

/**
 * Where a new credential goes: a real keychain seals it unless the analyst asked for this session only;
 * basic_text stores it only when the analyst chose to despite the warning; no keychain keeps it in memory.
 */
export function protectionFor(availability: KeychainAvailability, storage: StorageChoice | undefined): KeyProtection {
  if (availability === 'protected') return storage === 'session' ? 'memory' : 'os'
  if (availability === 'obfuscated') return storage === 'keychain' ? 'obfuscated' : 'memory'
  return 'memory'
}

/** A stored endpoint is trusted only in the exact form we write, and only where the key may go at all. */
export function readEndpoint(value: unknown): string | null {
  if (typeof value !== 'string' || customBaseUrlProblem(value) !== null) return null
  return keyEndpointOf(value) === value ? value : null
}

type EndpointSettings = { region: RegionId; customBaseUrl: string | null; hostStyle: HostStyle }

/** The origin the settings point at, or null when they point nowhere a credential may go. */
export function chosenEndpointOf(settings: EndpointSettings): string | null {
  const baseUrl = regionBaseUrl(settings.region, settings.customBaseUrl, settings.hostStyle)
  if (baseUrl === null || customBaseUrlProblem(baseUrl) !== null) return null
  return keyEndpointOf(baseUrl)
}

/**
 * The one rule for which credential may be sent: only the one saved for the chosen endpoint. A
 * credential of another host (a changed region or address, or an edited settings.json) waits for the analyst.
 */
export function credentialForEndpoint(saved: SavedCredential[], settings: EndpointSettings): SavedCredential | null {
  const endpoint = chosenEndpointOf(settings)
  return endpoint === null ? null : (saved.find((credential) => credential.endpoint === endpoint) ?? null)
}

/** What the window describes: the chosen endpoint's credential, else the newest one saved elsewhere, which the analyst may bring here. */
export function shownCredential(saved: SavedCredential[], settings: EndpointSettings): SavedCredential | null {
  return credentialForEndpoint(saved, settings) ?? saved[0] ?? null
}

/** One credential per endpoint, newest first; the stores differ only in what they persist. */
export function upsertCredential(saved: SavedCredential[], next: SavedCredential): SavedCredential[] {
  return [next, ...saved.filter((credential) => credential.endpoint !== next.endpoint)]
}

export function createMemorySecretStore(apiKey: string | null = null, endpoint: string | null = null): SecretStore {
  let saved: SavedCredential[] = apiKey === null ? [] : [{ kind: 'api_key', secret: apiKey, endpoint, protection: 'memory' }]
  return {
    list: () => saved.map((credential) => ({ ...credential })),
    write(credential, endpoint) {
      saved = upsertCredential(saved, { kind: credential.kind, secret: credential.secret, endpoint, protection: 'memory' })
    },
    remove(endpoint) {
      saved = saved.filter((credential) => credential.endpoint !== endpoint)
    },
    clear() {
      saved = []
    },
    availability: 'unavailable',
    savedKeyProblem: null,
  }
}
