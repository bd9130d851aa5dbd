import { describe, expect, it } from 'vitest'
import { keychainAvailability } from './keychain-availability'

describe('what the keychain can do for the key', () => {
  it.each([
    ['no encryption at all', { isEncryptionAvailable: false, linuxBackend: null }, 'unavailable'],
    ['no encryption on Linux', { isEncryptionAvailable: false, linuxBackend: 'gnome_libsecret' }, 'unavailable'],
    ['macOS Keychain or Windows DPAPI', { isEncryptionAvailable: true, linuxBackend: null }, 'protected'],
    ['libsecret', { isEncryptionAvailable: true, linuxBackend: 'gnome_libsecret' }, 'protected'],
    ['kwallet', { isEncryptionAvailable: true, linuxBackend: 'kwallet' }, 'protected'],
    ['kwallet6', { isEncryptionAvailable: true, linuxBackend: 'kwallet6' }, 'protected'],
    ["Linux's basic_text fallback", { isEncryptionAvailable: true, linuxBackend: 'basic_text' }, 'obfuscated'],
    ['a Linux backend not yet known (asked before ready)', { isEncryptionAvailable: true, linuxBackend: 'unknown' }, 'unavailable'],
    ['a Linux backend this app has never heard of', { isEncryptionAvailable: true, linuxBackend: 'pass' }, 'unavailable'],
  ] as const)('%s', (_what, facts, expected) => {
    expect(keychainAvailability(facts)).toBe(expected)
  })
})
