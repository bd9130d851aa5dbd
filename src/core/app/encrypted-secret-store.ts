import { z } from 'zod'
import type { SavedKeyProblem } from '../../shared/backend'
import type { JsonDocument } from '../persistence/json-document'
import type { Log } from '../runtime/log'
import { readEndpoint, type SavedKey, type SecretStore } from './secret-store'

/**
 * What the operating system can do for the key. `protected`: a real keychain (macOS Keychain, Windows
 * DPAPI, libsecret, kwallet). `obfuscated`: Linux's basic_text fallback, whose password is built into
 * Chromium, so it protects nothing. `unavailable`: no encryption at all.
 */
export type KeychainAvailability = 'protected' | 'obfuscated' | 'unavailable'

/** The operating system's keychain, as the store needs it (Electron's safeStorage in the app). */
export interface KeyCipher {
  /** Anything but `protected` keeps a new key in memory only, and leaves a saved entry unopened. */
  readonly availability: KeychainAvailability
  encrypt(plain: string): Promise<string>
  /** Rejects when the keychain cannot open the entry. */
  decrypt(encrypted: string): Promise<string>
}

interface StoredEntry {
  encryptedEntry?: unknown
  encryptedKey?: unknown
}

// The endpoint is encrypted with the key so that editing the file cannot point the key at another host.
const entrySchema = z.object({ apiKey: z.string().min(1), endpoint: z.unknown() })

/**
 * The key and the endpoint it is bound to, encrypted before they touch disk. A saved entry that cannot
 * be read (no keychain now, a changed keychain, damage) or that has no endpoint is kept on disk
 * untouched: never deleted, only replaced when the analyst saves or confirms a key, or removed when they
 * clear it. What kept it from being read is reported until then.
 */
export async function openEncryptedSecretStore(document: JsonDocument, cipher: KeyCipher, log: Log): Promise<SecretStore> {
  const isProtected = cipher.availability === 'protected'
  const opened = await openSaved(document, cipher, log)
  let current: SavedKey | null = opened.saved
  let problem: SavedKeyProblem | null = opened.problem
  // Writes are queued so a quick set-then-clear can never leave the old key on disk.
  let persisting = Promise.resolve()
  return {
    read: () => (current ? { ...current } : null),
    write(apiKey, endpoint) {
      const next = { apiKey, endpoint }
      current = next
      problem = null
      // Without a keychain the new key cannot be sealed, so a saved entry stays for when the keychain is back.
      if (!isProtected) return
      persisting = persisting
        .then(async () => {
          const encryptedEntry = await cipher.encrypt(JSON.stringify(next))
          if (current === next) document.write({ encryptedEntry })
        })
        .catch(() => log('error', 'could not save the API key to the keychain; it is kept until the app quits'))
    },
    clear() {
      current = null
      problem = null
      persisting = persisting
        .then(() => document.write({}))
        .catch(() => log('error', 'could not remove the saved API key from disk; it is no longer used'))
    },
    protection: isProtected ? 'os' : 'memory',
    get savedKeyProblem() {
      return problem
    },
  }
}

async function openSaved(
  document: JsonDocument,
  cipher: KeyCipher,
  log: Log,
): Promise<{ saved: SavedKey | null; problem: SavedKeyProblem | null }> {
  const stored = (document.read() ?? {}) as StoredEntry
  if (stored.encryptedEntry === undefined && stored.encryptedKey === undefined) return { saved: null, problem: null }
  // basic_text cannot open what a real keychain sealed; trying would only call a good entry damaged.
  if (cipher.availability !== 'protected') {
    log('warn', 'an API key is saved but the system keychain is unavailable; it is kept untouched until the keychain is back')
    return { saved: null, problem: 'keychain_unavailable' }
  }
  try {
    return { saved: await readSaved(stored, cipher, log), problem: null }
  } catch {
    log(
      'warn',
      'the saved API key could not be read (the keychain changed or the entry is damaged); it is kept until a key is entered again',
    )
    return { saved: null, problem: 'unreadable' }
  }
}

async function readSaved(stored: StoredEntry, cipher: KeyCipher, log: Log): Promise<SavedKey> {
  if (typeof stored.encryptedEntry === 'string') {
    const entry = entrySchema.safeParse(JSON.parse(await cipher.decrypt(stored.encryptedEntry)))
    if (!entry.success) throw new SyntaxError('not a saved key entry')
    const endpoint = readEndpoint(entry.data.endpoint)
    if (endpoint === null) log('warn', 'the saved API key is bound to no usable host; it waits until it is confirmed for one')
    return { apiKey: entry.data.apiKey, endpoint }
  }
  if (typeof stored.encryptedKey === 'string') {
    log('info', 'the saved API key is from before keys were bound to a host; it waits until it is confirmed for one')
    return { apiKey: await cipher.decrypt(stored.encryptedKey), endpoint: null }
  }
  throw new SyntaxError('not a saved key entry')
}
