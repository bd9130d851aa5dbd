import { describe, expect, it } from 'vitest'
import { createMemoryDocument } from '../persistence/memory-document'
import { silentLog } from '../runtime/log'
import { openEncryptedSecretStore, type KeyCipher } from './encrypted-secret-store'
import { keyForEndpoint } from './secret-store'

// Stands in for the OS keychain, which exists only inside Electron: reversible, and refuses what it did not write.
const cipher = {
  isProtected: true,
  encrypt: async (plain: string) => `sealed:${Buffer.from(plain).toString('base64')}`,
  async decrypt(encrypted: string) {
    if (!encrypted.startsWith('sealed:')) throw new Error('not sealed by this keychain')
    return Buffer.from(encrypted.slice('sealed:'.length), 'base64').toString()
  },
} satisfies KeyCipher

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

  it('keeps on disk an entry the keychain cannot open, and offers no key', async () => {
    const unreadable = { encryptedEntry: 'sealed-by-another-keychain' }
    const document = createMemoryDocument(unreadable)
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    await settle()
    expect(store.read()).toBeNull()
    expect(document.read()).toEqual(unreadable)
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
