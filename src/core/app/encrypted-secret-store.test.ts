import { describe, expect, it } from 'vitest'
import { createMemoryDocument } from '../persistence/memory-document'
import { silentLog } from '../runtime/log'
import { openEncryptedSecretStore, type KeyCipher, type KeychainAvailability } from './encrypted-secret-store'
import { keyForEndpoint } from './secret-store'

// Stands in for the OS keychain, which exists only inside Electron: reversible, and refuses what it did not write.
const cipher = {
  availability: 'protected',
  encrypt: async (plain: string) => `sealed:${Buffer.from(plain).toString('base64')}`,
  async decrypt(encrypted: string) {
    if (!encrypted.startsWith('sealed:')) throw new Error('not sealed by this keychain')
    return Buffer.from(encrypted.slice('sealed:'.length), 'base64').toString()
  },
} satisfies KeyCipher

// Electron cannot open a real keychain's entry without that keychain: with none, or with Linux's basic_text, decryption fails.
const keychainWithout = (availability: Exclude<KeychainAvailability, 'protected'>) =>
  ({
    availability,
    encrypt: async () => {
      throw new Error('encryption is not available')
    },
    decrypt: async () => {
      throw new Error('decryption is not available')
    },
  }) satisfies KeyCipher

const apiKey = 'vdx_analyst_0123'
const uk = { region: 'uk', customBaseUrl: null } as const
const custom = (customBaseUrl: string) => ({ region: 'custom', customBaseUrl }) as const
const sealedEntry = async (entry: unknown) => ({ encryptedEntry: await cipher.encrypt(JSON.stringify(entry)) })
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the encrypted secret store', () => {
  it('keeps an entry saved without an endpoint on disk and binds it to nothing, so it is used for no host', async () => {
    const oldFormat = { encryptedKey: await cipher.encrypt(apiKey) }
    const document = createMemoryDocument(oldFormat)
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    await settle()

    expect(store.read()).toEqual({ apiKey, endpoint: null })
    expect(keyForEndpoint(store.read(), uk)).toBeNull()
    expect(keyForEndpoint(store.read(), custom('http://127.0.0.1:4010'))).toBeNull()
    expect(document.read()).toEqual(oldFormat)
  })

  it('binds a key to the endpoint it was saved for, across a restart', async () => {
    const document = createMemoryDocument()
    const first = await openEncryptedSecretStore(document, cipher, silentLog)
    first.write(apiKey, 'https://api.uk.veridox.ai')
    await settle()
    expect(JSON.stringify(document.read())).not.toContain(apiKey)

    const reopened = await openEncryptedSecretStore(document, cipher, silentLog)
    expect(reopened.read()).toEqual({ apiKey, endpoint: 'https://api.uk.veridox.ai' })
    expect(keyForEndpoint(reopened.read(), uk)).toBe(apiKey)
    expect(keyForEndpoint(reopened.read(), { region: 'ca', customBaseUrl: null })).toBeNull()
  })

  it.each([
    ['plain http off this machine', 'http://10.0.0.8'],
    ['an address that is not an origin', 'https://api.uk.veridox.ai/cases'],
    ['not an address', 'api.uk.veridox.ai'],
    ['not a string', 42],
  ])('binds an entry whose endpoint is %s to nothing, keeping it', async (_why, endpoint) => {
    const entry = await sealedEntry({ apiKey, endpoint })
    const document = createMemoryDocument(entry)
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    expect(store.read()).toEqual({ apiKey, endpoint: null })
    expect(keyForEndpoint(store.read(), custom('http://10.0.0.8'))).toBeNull()
    expect(document.read()).toEqual(entry)
  })

  it.each([
    ['sealed by another keychain', async () => ({ encryptedEntry: 'sealed-by-another-keychain' })],
    ['not JSON once opened', async () => ({ encryptedEntry: await cipher.encrypt('{"apiKey":') })],
    ['not a key entry once opened', async () => sealedEntry({ endpoint: 'https://api.uk.veridox.ai' })],
    ['not text', async () => ({ encryptedEntry: 42 })],
  ])('keeps on disk an entry %s, offers no key and says the saved key is unreadable', async (_why, makeEntry) => {
    const unreadable = await makeEntry()
    const document = createMemoryDocument(unreadable)
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    await settle()
    expect(store.read()).toBeNull()
    expect(store.savedKeyProblem).toBe('unreadable')
    expect(document.read()).toEqual(unreadable)
  })

  it.each(['unavailable', 'obfuscated'] as const)(
    'says the keychain is unavailable when it is %s and an entry is on disk, leaving the entry untouched',
    async (availability) => {
      for (const saved of [
        await sealedEntry({ apiKey, endpoint: 'https://api.uk.veridox.ai' }),
        { encryptedKey: await cipher.encrypt(apiKey) },
      ]) {
        const document = createMemoryDocument(saved)
        const store = await openEncryptedSecretStore(document, keychainWithout(availability), silentLog)
        await settle()
        expect(store.read()).toBeNull()
        expect(store.savedKeyProblem).toBe('keychain_unavailable')
        expect(store.protection).toBe('memory')
        expect(document.read()).toEqual(saved)
      }
    },
  )

  it('reports no problem when nothing is saved, with or without a keychain', async () => {
    for (const keychain of [cipher, keychainWithout('unavailable'), keychainWithout('obfuscated')]) {
      const store = await openEncryptedSecretStore(createMemoryDocument(), keychain, silentLog)
      expect(store.savedKeyProblem).toBeNull()
    }
    const readable = await openEncryptedSecretStore(createMemoryDocument(await sealedEntry({ apiKey, endpoint: null })), cipher, silentLog)
    expect(readable.savedKeyProblem).toBeNull()
  })

  it('replaces an unreadable entry with a key saved again, which ends the problem', async () => {
    const document = createMemoryDocument({ encryptedEntry: 'sealed-by-another-keychain' })
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    store.write(apiKey, 'https://api.uk.veridox.ai')
    expect(store.savedKeyProblem).toBeNull()
    await settle()
    const reopened = await openEncryptedSecretStore(document, cipher, silentLog)
    expect(reopened.read()).toEqual({ apiKey, endpoint: 'https://api.uk.veridox.ai' })
    expect(reopened.savedKeyProblem).toBeNull()
  })

  it('uses a key entered while the keychain is unavailable until the app quits, keeping the saved entry for when the keychain is back', async () => {
    const saved = await sealedEntry({ apiKey, endpoint: 'https://api.uk.veridox.ai' })
    const document = createMemoryDocument(saved)
    const store = await openEncryptedSecretStore(document, keychainWithout('unavailable'), silentLog)
    store.write('vdx_entered_again', 'https://api.uk.veridox.ai')
    await settle()
    expect(store.savedKeyProblem).toBeNull()
    expect(store.read()).toEqual({ apiKey: 'vdx_entered_again', endpoint: 'https://api.uk.veridox.ai' })
    expect(document.read()).toEqual(saved)
    expect((await openEncryptedSecretStore(document, cipher, silentLog)).read()).toEqual({ apiKey, endpoint: 'https://api.uk.veridox.ai' })
  })

  it.each([
    ['unreadable', cipher],
    ['behind an unavailable keychain', keychainWithout('unavailable')],
  ])('removes a saved entry that is %s only when the analyst clears the key, which ends the problem', async (_why, keychain) => {
    const document = createMemoryDocument({ encryptedEntry: 'sealed-by-another-keychain' })
    const store = await openEncryptedSecretStore(document, keychain, silentLog)
    expect(store.savedKeyProblem).not.toBeNull()
    store.clear()
    await settle()
    expect(store.savedKeyProblem).toBeNull()
    expect(document.read()).toEqual({})
  })

  it('replaces an old entry when a key is confirmed for a host, and removes it when cleared', async () => {
    const document = createMemoryDocument({ encryptedKey: await cipher.encrypt(apiKey) })
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    store.write(apiKey, 'https://api.ca.veridox.ai')
    await settle()
    expect((await openEncryptedSecretStore(document, cipher, silentLog)).read()).toEqual({ apiKey, endpoint: 'https://api.ca.veridox.ai' })
    store.clear()
    await settle()
    expect(document.read()).toEqual({})
  })
})
