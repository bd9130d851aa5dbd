import type { KeychainAvailability, SavedKeyProblem } from '../../shared/backend'
import type { JsonDocument } from '../persistence/json-document'
import type { Log } from '../runtime/log'
import { canTryToOpen, hasSavedEntry, openSealed, seal, type StoredSecrets } from './sealed-credentials'
import { protectionFor, upsertCredential, type SavedCredential, type SecretStore } from './secret-store'

export type { KeychainAvailability } from '../../shared/backend'

/** The operating system's keychain, as the store needs it (Electron's safeStorage in the app). */
export interface KeyCipher {
  /** `unavailable` keeps every new credential in memory only; `obfuscated` (basic_text) only those the analyst chose to store anyway. */
  readonly availability: KeychainAvailability
  encrypt(plain: string): Promise<string>
  /** Rejects when the keychain cannot open the entry. */
  decrypt(encrypted: string): Promise<string>
}

const persisted = (saved: SavedCredential[]) => saved.filter((credential) => credential.protection !== 'memory')

/**
 * Credentials, one per endpoint, encrypted before they touch disk. A saved entry that cannot be read
 * (no keychain now, a changed keychain, damage) is kept on disk untouched: never deleted, only replaced
 * when the analyst saves a credential to disk, or removed when they clear it. What kept it from being
 * read is reported until then.
 */
export async function openEncryptedSecretStore(document: JsonDocument, cipher: KeyCipher, log: Log): Promise<SecretStore> {
  const opened = await openSaved(document, cipher, log)
  let saved: SavedCredential[] = opened.saved
  let problem: SavedKeyProblem | null = opened.problem
  // Writes are queued so a quick set-then-clear can never leave the old credential on disk.
  let persisting = Promise.resolve()
  let generation = 0

  function persist(): void {
    const current = ++generation
    const toSeal = persisted(saved)
    persisting = persisting
      .then(async () => {
        const next =
          toSeal.length === 0 ? {} : await seal(toSeal, cipher.availability === 'protected' ? 'keychain' : 'basic_text', cipher.encrypt)
        if (current === generation) document.write({ ...next })
      })
      .catch(() => log('error', 'could not save the credentials to the keychain; they are kept until the app quits'))
  }

  /** Applies a change, and rewrites the file only when what belongs on disk changed (an unreadable entry stays otherwise). */
  function change(next: SavedCredential[]): void {
    const before = JSON.stringify(persisted(saved))
    saved = next
    problem = null
    if (JSON.stringify(persisted(saved)) !== before) persist()
  }

  return {
    list: () => saved.map((credential) => ({ ...credential })),
    write(credential, endpoint, storage) {
      const protection = protectionFor(cipher.availability, storage)
      const next = upsertCredential(saved, { kind: credential.kind, secret: credential.secret, endpoint, protection })
      // Everything kept on disk is sealed again as this keychain seals now (a basic_text entry becomes a keychain's).
      const sealedAs = cipher.availability === 'protected' ? 'os' : 'obfuscated'
      change(next.map((entry) => (entry.protection === 'memory' ? entry : { ...entry, protection: sealedAs })))
    },
    remove(endpoint) {
      change(saved.filter((credential) => credential.endpoint !== endpoint))
    },
    clear() {
      saved = []
      problem = null
      persist()
    },
    availability: cipher.availability,
    get savedKeyProblem() {
      return problem
    },
  }
}

async function openSaved(
  document: JsonDocument,
  cipher: KeyCipher,
  log: Log,
): Promise<{ saved: SavedCredential[]; problem: SavedKeyProblem | null }> {
  const stored = (document.read() ?? {}) as StoredSecrets
  if (!hasSavedEntry(stored)) return { saved: [], problem: null }
  if (!canTryToOpen(stored, cipher.availability)) {
    log('warn', 'an API key is saved but the system keychain is unavailable; it is kept untouched until the keychain is back')
    return { saved: [], problem: 'keychain_unavailable' }
  }
  try {
    return { saved: await openSealed(stored, (encrypted) => cipher.decrypt(encrypted), log), problem: null }
  } catch {
    log(
      'warn',
      'the saved API key could not be read (the keychain changed or the entry is damaged); it is kept until a key is entered again',
    )
    return { saved: [], problem: 'unreadable' }
  }
}
