import { safeStorage } from 'electron'
import type { SecretStore } from '../../core/app/secret-store'
import type { JsonDocument } from '../../core/persistence/json-document'
import type { Log } from '../../core/runtime/log'

/**
 * The API key, encrypted by the OS keychain (macOS Keychain, Windows DPAPI, libsecret/kwallet) before
 * it touches disk. Where Linux has no keychain Electron falls back to a fixed password ("basic_text"),
 * which is obfuscation, not protection: there the key is kept in memory only and must be entered again
 * after a restart.
 */
export async function openKeychainSecretStore(document: JsonDocument, log: Log): Promise<SecretStore> {
  const isProtected =
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text')
  let secret: string | null = null
  const stored = (document.read() as { encryptedKey?: unknown }).encryptedKey
  if (isProtected && typeof stored === 'string') {
    try {
      secret = (await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'))).result
    } catch {
      log('warn', 'the saved API key could not be decrypted (the keychain changed); it must be entered again')
      document.write({})
    }
  }
  // Writes are queued so a quick set-then-clear can never leave the old key on disk.
  let persisting = Promise.resolve()
  return {
    read: () => secret,
    write(apiKey) {
      secret = apiKey
      if (!isProtected) return
      persisting = persisting
        .then(async () => {
          const encrypted = await safeStorage.encryptStringAsync(apiKey)
          if (secret === apiKey) document.write({ encryptedKey: encrypted.toString('base64') })
        })
        .catch(() => log('error', 'could not save the API key to the keychain; it is kept until the app quits'))
    },
    clear() {
      secret = null
      persisting = persisting.then(() => document.write({}))
    },
    protection: isProtected ? 'os' : 'memory',
  }
}
