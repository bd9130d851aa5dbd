import { z } from 'zod'
import type { JsonDocument } from '../persistence/json-document'
import type { Log } from '../runtime/log'
import { readEndpoint, type SavedKey, type SecretStore } from './secret-store'

/** The operating system's keychain, as the store needs it (Electron's safeStorage in the app). */
export interface KeyCipher {
  /** False where there is no real keychain: the key is then kept in memory only. */
  readonly isProtected: boolean
  encrypt(plain: string): Promise<string>
  decrypt(encrypted: string): Promise<string>
}

// The endpoint is encrypted with the key so that editing the file cannot point the key at another host.
const entrySchema = z.object({ apiKey: z.string().min(1), endpoint: z.unknown() })

/**
 * The key and the endpoint it is bound to, encrypted before they touch disk. An entry without an
 * endpoint (written before keys were bound) or one that cannot be read is kept on disk untouched: it is
 * never deleted, only replaced when the analyst saves or confirms a key, or removed when they clear it.
 */
export async function openEncryptedSecretStore(document: JsonDocument, cipher: KeyCipher, log: Log): Promise<SecretStore> {
  const saved = cipher.isProtected ? await readSaved(document, cipher, log) : null
  let current: SavedKey | null = saved
  // Writes are queued so a quick set-then-clear can never leave the old key on disk.
  let persisting = Promise.resolve()
  return {
    read: () => (current ? { ...current } : null),
    write(apiKey, endpoint) {
      const next = { apiKey, endpoint }
      current = next
      if (!cipher.isProtected) return
      persisting = persisting
        .then(async () => {
          const encryptedEntry = await cipher.encrypt(JSON.stringify(next))
          if (current === next) document.write({ encryptedEntry })
        })
        .catch(() => log('error', 'could not save the API key to the keychain; it is kept until the app quits'))
    },
    clear() {
      current = null
      persisting = persisting.then(() => document.write({}))
    },
    protection: cipher.isProtected ? 'os' : 'memory',
  }
}

async function readSaved(document: JsonDocument, cipher: KeyCipher, log: Log): Promise<SavedKey | null> {
  const stored = document.read() as { encryptedEntry?: unknown; encryptedKey?: unknown } | null
  try {
    if (typeof stored?.encryptedEntry === 'string') {
      const entry = entrySchema.safeParse(JSON.parse(await cipher.decrypt(stored.encryptedEntry)))
      if (!entry.success) throw new SyntaxError('not a saved key entry')
      const endpoint = readEndpoint(entry.data.endpoint)
      if (endpoint === null) log('warn', 'the saved API key is bound to no usable host; it waits until it is confirmed for one')
      return { apiKey: entry.data.apiKey, endpoint }
    }
    if (typeof stored?.encryptedKey === 'string') {
      log('info', 'the saved API key is from before keys were bound to a host; it waits until it is confirmed for one')
      return { apiKey: await cipher.decrypt(stored.encryptedKey), endpoint: null }
    }
  } catch {
    log('warn', 'the saved API key could not be read (the keychain changed or the entry is damaged); it must be entered again')
  }
  return null
}
