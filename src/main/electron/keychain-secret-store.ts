import { safeStorage } from 'electron'
import { openEncryptedSecretStore, type KeyCipher } from '../../core/app/encrypted-secret-store'
import { keychainAvailability } from '../../core/app/keychain-availability'
import type { SecretStore } from '../../core/app/secret-store'
import type { JsonDocument } from '../../core/persistence/json-document'
import type { Log } from '../../core/runtime/log'

/**
 * The API key, encrypted by the OS keychain (macOS Keychain, Windows DPAPI, libsecret/kwallet) before
 * it touches disk. Where Linux has no keychain Electron falls back to a fixed password ("basic_text"),
 * which is obfuscation, not protection: the core decides what that means for a saved key.
 */
export async function openKeychainSecretStore(document: JsonDocument, log: Log): Promise<SecretStore> {
  const cipher: KeyCipher = {
    availability: keychainAvailability({
      isEncryptionAvailable: await safeStorage.isAsyncEncryptionAvailable(),
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    }),
    encrypt: async (plain) => (await safeStorage.encryptStringAsync(plain)).toString('base64'),
    decrypt: async (encrypted) => (await safeStorage.decryptStringAsync(Buffer.from(encrypted, 'base64'))).result,
  }
  return openEncryptedSecretStore(document, cipher, log)
}
