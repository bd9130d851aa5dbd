import { z } from 'zod'
import { credentialKinds, type Credential } from '../../shared/credential-rules'
import type { KeychainAvailability, KeyProtection } from '../../shared/backend'
import type { Log } from '../runtime/log'
import { readEndpoint, type SavedCredential } from './secret-store'

/** How a credential list on disk was sealed: by a real keychain, or by basic_text because the analyst chose to store it anyway. */
export type SealedWith = 'keychain' | 'basic_text'

/** secrets.json. `encryptedCredentials` is today's; `encryptedEntry` (one key and its endpoint) and `encryptedKey` (an unbound key) are older. */
export interface StoredSecrets {
  encryptedCredentials?: unknown
  sealedWith?: unknown
  encryptedEntry?: unknown
  encryptedKey?: unknown
}

// Endpoints are encrypted with their credentials so that editing the file cannot point one at another host.
const legacyEntrySchema = z.object({ apiKey: z.string().min(1), endpoint: z.unknown() })
const credentialListSchema = z.object({
  credentials: z.array(z.object({ kind: z.enum(credentialKinds), secret: z.string().min(1), endpoint: z.unknown() })).max(100),
})

export const hasSavedEntry = (stored: StoredSecrets): boolean =>
  stored.encryptedCredentials !== undefined || stored.encryptedEntry !== undefined || stored.encryptedKey !== undefined

/**
 * Whether this keychain may try to open the entry. basic_text cannot open what a real keychain sealed
 * (trying would only call a good entry damaged), but opens what it sealed itself; a real keychain opens both.
 */
export function canTryToOpen(stored: StoredSecrets, availability: KeychainAvailability): boolean {
  if (availability === 'protected') return true
  return availability === 'obfuscated' && stored.encryptedCredentials !== undefined && stored.sealedWith === 'basic_text'
}

/** Rejects when the entry cannot be opened or is not one of ours. */
export async function openSealed(
  stored: StoredSecrets,
  decrypt: (encrypted: string) => Promise<string>,
  log: Log,
): Promise<SavedCredential[]> {
  const bound = (credential: Credential, endpoint: unknown, protection: KeyProtection): SavedCredential => {
    const trusted = readEndpoint(endpoint)
    if (trusted === null) log('warn', 'a saved credential is bound to no usable host; it waits until it is confirmed for one')
    return { kind: credential.kind, secret: credential.secret, endpoint: trusted, protection }
  }
  if (typeof stored.encryptedCredentials === 'string') {
    const parsed = credentialListSchema.safeParse(JSON.parse(await decrypt(stored.encryptedCredentials)))
    if (!parsed.success) throw new SyntaxError('not a saved credential list')
    const protection = stored.sealedWith === 'basic_text' ? 'obfuscated' : 'os'
    return parsed.data.credentials.map((entry) => bound(entry, entry.endpoint, protection))
  }
  if (typeof stored.encryptedEntry === 'string') {
    const entry = legacyEntrySchema.safeParse(JSON.parse(await decrypt(stored.encryptedEntry)))
    if (!entry.success) throw new SyntaxError('not a saved key entry')
    return [bound({ kind: 'api_key', secret: entry.data.apiKey }, entry.data.endpoint, 'os')]
  }
  if (typeof stored.encryptedKey === 'string') {
    log('info', 'the saved API key is from before keys were bound to a host; it waits until it is confirmed for one')
    return [{ kind: 'api_key', secret: await decrypt(stored.encryptedKey), endpoint: null, protection: 'os' }]
  }
  throw new SyntaxError('not a saved key entry')
}

export async function seal(
  credentials: SavedCredential[],
  sealedWith: SealedWith,
  encrypt: (plain: string) => Promise<string>,
): Promise<StoredSecrets> {
  const plain = JSON.stringify({ credentials: credentials.map(({ kind, secret, endpoint }) => ({ kind, secret, endpoint })) })
  return { encryptedCredentials: await encrypt(plain), sealedWith }
}
