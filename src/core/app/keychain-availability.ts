import type { KeychainAvailability } from './encrypted-secret-store'

/** What Electron's safeStorage says, read by the adapter: `linuxBackend` is `getSelectedStorageBackend()` on Linux, else null. */
export interface SafeStorageFacts {
  isEncryptionAvailable: boolean
  linuxBackend: string | null
}

// Electron 45's getSelectedStorageBackend(): every value but basic_text and unknown is a real password store.
const linuxKeychains = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])

/**
 * basic_text encrypts with a password built into Chromium, so it hides the key from a glance but not
 * from anyone who reads the file. `unknown` (asked before `ready`) and names Electron may add later
 * promise nothing either, so only a known keychain counts as protection.
 */
export function keychainAvailability(facts: SafeStorageFacts): KeychainAvailability {
  if (!facts.isEncryptionAvailable) return 'unavailable'
  if (facts.linuxBackend === null || linuxKeychains.has(facts.linuxBackend)) return 'protected'
  return facts.linuxBackend === 'basic_text' ? 'obfuscated' : 'unavailable'
}
