import { safeStorage } from 'electron'
import { openEncryptedSecretStore, type KeyCipher } from '../../core/app/encrypted-secret-store'
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
  const cipher: KeyCipher = {
    isProtected,
    encrypt: async (plain) => (await safeStorage.encryptStringAsync(plain)).toString('base64'),
    decrypt: async (encrypted) => (await safeStorage.decryptStringAsync(Buffer.from(encrypted, 'base64'))).result,
  }
  return openEncryptedSecretStore(document, cipher, log)
}
