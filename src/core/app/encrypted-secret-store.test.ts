import { describe, expect, it } from 'vitest'
import type { KeychainAvailability } from '../../shared/backend'
import type { Credential } from '../../shared/credential-rules'
import { createMemoryDocument } from '../persistence/memory-document'
import { silentLog } from '../runtime/log'
import { openEncryptedSecretStore, type KeyCipher } from './encrypted-secret-store'
import { credentialForEndpoint } from './secret-store'

// Stands in for the OS keychain, which exists only inside Electron: reversible, and refuses what it did not write.
const cipher = {
  availability: 'protected',
  encrypt: async (plain: string) => `sealed:${Buffer.from(plain).toString('base64')}`,
  async decrypt(encrypted: string) {
    if (encrypted.startsWith('basic:')) return Buffer.from(encrypted.slice('basic:'.length), 'base64').toString()
    if (!encrypted.startsWith('sealed:')) throw new Error('not sealed by this keychain')
    return Buffer.from(encrypted.slice('sealed:'.length), 'base64').toString()
  },
} satisfies KeyCipher

// Linux's basic_text: encrypts with a password built into Chromium, so it opens its own entries but not a keychain's.
const basicText = {
  availability: 'obfuscated',
  encrypt: async (plain: string) => `basic:${Buffer.from(plain).toString('base64')}`,
  async decrypt(encrypted: string) {
    if (!encrypted.startsWith('basic:')) throw new Error('decryption is not available')
    return Buffer.from(encrypted.slice('basic:'.length), 'base64').toString()
  },
} satisfies KeyCipher

const noKeychain = {
  availability: 'unavailable',
  encrypt: async () => {
    throw new Error('encryption is not available')
  },
  decrypt: async () => {
    throw new Error('decryption is not available')
  },
} satisfies KeyCipher

const keychainWithout = (availability: Exclude<KeychainAvailability, 'protected'>): KeyCipher =>
  availability === 'obfuscated' ? basicText : noKeychain

const apiKey = 'vdx_analyst_0123'
const key = (secret = apiKey): Credential => ({ kind: 'api_key', secret })
const ukEndpoint = 'https://api.uk.veridox.ai'
const uk = { region: 'uk', customBaseUrl: null, hostStyle: 'classic' } as const
const custom = (customBaseUrl: string) => ({ region: 'custom', customBaseUrl, hostStyle: 'classic' }) as const
const sealedEntry = async (entry: unknown) => ({ encryptedEntry: await cipher.encrypt(JSON.stringify(entry)) })
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const secretsOf = (store: { list(): { secret: string; endpoint: string | null }[] }) =>
  store.list().map(({ secret, endpoint }) => ({ secret, endpoint }))

describe('the encrypted secret store', () => {
  it('keeps an entry saved without an endpoint on disk and binds it to nothing, so it is used for no host', async () => {
    const oldFormat = { encryptedKey: await cipher.encrypt(apiKey) }
    const document = createMemoryDocument(oldFormat)
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    await settle()

    expect(store.list()).toEqual([{ kind: 'api_key', secret: apiKey, endpoint: null, protection: 'os' }])
    expect(credentialForEndpoint(store.list(), uk)).toBeNull()
    expect(credentialForEndpoint(store.list(), custom('http://127.0.0.1:4010'))).toBeNull()
    expect(document.read()).toEqual(oldFormat)
  })

  it('reads an entry of the one-key format, bound to its endpoint', async () => {
    const store = await openEncryptedSecretStore(
      createMemoryDocument(await sealedEntry({ apiKey, endpoint: ukEndpoint })),
      cipher,
      silentLog,
    )
    expect(credentialForEndpoint(store.list(), uk)).toMatchObject({ kind: 'api_key', secret: apiKey })
  })

  it('binds a credential to the endpoint it was saved for, across a restart, with its kind', async () => {
    const document = createMemoryDocument()
    const first = await openEncryptedSecretStore(document, cipher, silentLog)
    first.write({ kind: 'access_token', secret: 'eyJ.token.sig' }, ukEndpoint)
    await settle()
    expect(JSON.stringify(document.read())).not.toContain('eyJ.token.sig')

    const reopened = await openEncryptedSecretStore(document, cipher, silentLog)
    expect(reopened.list()).toEqual([{ kind: 'access_token', secret: 'eyJ.token.sig', endpoint: ukEndpoint, protection: 'os' }])
    expect(credentialForEndpoint(reopened.list(), uk)?.secret).toBe('eyJ.token.sig')
    expect(credentialForEndpoint(reopened.list(), { ...uk, region: 'ca' })).toBeNull()
    expect(credentialForEndpoint(reopened.list(), { ...uk, hostStyle: 'neo' })).toBeNull()
  })

  it('keeps one credential per endpoint: another host’s is kept beside it, the same host’s replaced', async () => {
    const document = createMemoryDocument()
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    store.write(key('vdx_uk_key_0001'), ukEndpoint)
    store.write(key('vdx_ca_key_0002'), 'https://api.ca.veridox.ai')
    store.write({ kind: 'access_token', secret: 'eyJ.uk.second' }, ukEndpoint)
    await settle()
    const expected = [
      { secret: 'eyJ.uk.second', endpoint: ukEndpoint },
      { secret: 'vdx_ca_key_0002', endpoint: 'https://api.ca.veridox.ai' },
    ]
    expect(secretsOf(store)).toEqual(expected)
    expect(secretsOf(await openEncryptedSecretStore(document, cipher, silentLog))).toEqual(expected)

    store.remove(ukEndpoint)
    await settle()
    expect(secretsOf(await openEncryptedSecretStore(document, cipher, silentLog))).toEqual([expected[1]])
  })

  it('keeps a credential asked for this session only in memory, beside the sealed ones on disk', async () => {
    const document = createMemoryDocument()
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    store.write(key('vdx_kept_key_0001'), ukEndpoint)
    store.write(key('vdx_session_key_2'), 'https://api.ca.veridox.ai', 'session')
    await settle()
    expect(store.list().map((saved) => saved.protection)).toEqual(['memory', 'os'])
    expect(secretsOf(await openEncryptedSecretStore(document, cipher, silentLog))).toEqual([
      { secret: 'vdx_kept_key_0001', endpoint: ukEndpoint },
    ])
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
    expect(secretsOf(store)).toEqual([{ secret: apiKey, endpoint: null }])
    expect(credentialForEndpoint(store.list(), custom('http://10.0.0.8'))).toBeNull()
    expect(document.read()).toEqual(entry)
  })

  it.each([
    ['sealed by another keychain', async () => ({ encryptedEntry: 'sealed-by-another-keychain' })],
    ['not JSON once opened', async () => ({ encryptedEntry: await cipher.encrypt('{"apiKey":') })],
    ['not a key entry once opened', async () => sealedEntry({ endpoint: 'https://api.uk.veridox.ai' })],
    ['not text', async () => ({ encryptedEntry: 42 })],
    [
      'a credential list that is not one',
      async () => ({ encryptedCredentials: await cipher.encrypt('{"credentials":7}'), sealedWith: 'keychain' }),
    ],
  ])('keeps on disk an entry %s, offers no key and says the saved key is unreadable', async (_why, makeEntry) => {
    const unreadable = await makeEntry()
    const document = createMemoryDocument(unreadable)
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    await settle()
    expect(store.list()).toEqual([])
    expect(store.savedKeyProblem).toBe('unreadable')
    expect(document.read()).toEqual(unreadable)
  })

  it.each(['unavailable', 'obfuscated'] as const)(
    'says the keychain is unavailable when it is %s and a keychain’s entry is on disk, leaving the entry untouched',
    async (availability) => {
      const sealedList = { encryptedCredentials: await cipher.encrypt('{"credentials":[]}'), sealedWith: 'keychain' }
      for (const saved of [
        await sealedEntry({ apiKey, endpoint: ukEndpoint }),
        { encryptedKey: await cipher.encrypt(apiKey) },
        sealedList,
      ]) {
        const document = createMemoryDocument(saved)
        const store = await openEncryptedSecretStore(document, keychainWithout(availability), silentLog)
        await settle()
        expect(store.list()).toEqual([])
        expect(store.savedKeyProblem).toBe('keychain_unavailable')
        expect(store.availability).toBe(availability)
        expect(document.read()).toEqual(saved)
      }
    },
  )

  it('reports no problem when nothing is saved, with or without a keychain', async () => {
    for (const keychain of [cipher, noKeychain, basicText]) {
      const store = await openEncryptedSecretStore(createMemoryDocument(), keychain, silentLog)
      expect(store.savedKeyProblem).toBeNull()
    }
    const readable = await openEncryptedSecretStore(createMemoryDocument(await sealedEntry({ apiKey, endpoint: null })), cipher, silentLog)
    expect(readable.savedKeyProblem).toBeNull()
  })

  it('replaces an unreadable entry with a key saved again, which ends the problem', async () => {
    const document = createMemoryDocument({ encryptedEntry: 'sealed-by-another-keychain' })
    const store = await openEncryptedSecretStore(document, cipher, silentLog)
    store.write(key(), ukEndpoint)
    expect(store.savedKeyProblem).toBeNull()
    await settle()
    const reopened = await openEncryptedSecretStore(document, cipher, silentLog)
    expect(secretsOf(reopened)).toEqual([{ secret: apiKey, endpoint: ukEndpoint }])
    expect(reopened.savedKeyProblem).toBeNull()
  })

  it('uses a key entered while the keychain is unavailable until the app quits, keeping the saved entry for when the keychain is back', async () => {
    const saved = await sealedEntry({ apiKey, endpoint: ukEndpoint })
    const document = createMemoryDocument(saved)
    const store = await openEncryptedSecretStore(document, noKeychain, silentLog)
    store.write(key('vdx_entered_again'), ukEndpoint, 'keychain')
    await settle()
    expect(store.savedKeyProblem).toBeNull()
    expect(store.list()).toEqual([{ kind: 'api_key', secret: 'vdx_entered_again', endpoint: ukEndpoint, protection: 'memory' }])
    expect(document.read()).toEqual(saved)
    expect(secretsOf(await openEncryptedSecretStore(document, cipher, silentLog))).toEqual([{ secret: apiKey, endpoint: ukEndpoint }])
  })

  describe('on basic_text', () => {
    it('keeps a new credential for this session only unless the analyst chose to store it anyway', async () => {
      const document = createMemoryDocument()
      const store = await openEncryptedSecretStore(document, basicText, silentLog)
      store.write(key(), ukEndpoint)
      await settle()
      expect(store.list()[0].protection).toBe('memory')
      expect(document.read()).toEqual({})

      store.write(key(), ukEndpoint, 'session')
      await settle()
      expect(document.read()).toEqual({})
      expect((await openEncryptedSecretStore(document, basicText, silentLog)).list()).toEqual([])
    })

    it('stores it anyway when asked, says so, and opens it again at the next launch', async () => {
      const document = createMemoryDocument()
      const store = await openEncryptedSecretStore(document, basicText, silentLog)
      store.write(key(), ukEndpoint, 'keychain')
      await settle()
      expect(store.list()[0].protection).toBe('obfuscated')
      expect(document.read()).toMatchObject({ sealedWith: 'basic_text' })
      expect(JSON.stringify(document.read())).not.toContain(apiKey)

      const reopened = await openEncryptedSecretStore(document, basicText, silentLog)
      expect(reopened.list()).toEqual([{ kind: 'api_key', secret: apiKey, endpoint: ukEndpoint, protection: 'obfuscated' }])
      expect(reopened.savedKeyProblem).toBeNull()
      // A real keychain later opens it too, and seals it properly at the next save.
      const withKeychain = await openEncryptedSecretStore(document, cipher, silentLog)
      expect(withKeychain.list()[0].protection).toBe('obfuscated')
      withKeychain.write(key('vdx_other_host_key'), 'https://api.ca.veridox.ai')
      await settle()
      expect(document.read()).toMatchObject({ sealedWith: 'keychain' })
      expect(withKeychain.list().map((saved) => saved.protection)).toEqual(['os', 'os'])
    })
  })

  it.each([
    ['unreadable', cipher],
    ['behind an unavailable keychain', noKeychain],
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
    store.write(key(), 'https://api.ca.veridox.ai')
    store.remove(null)
    await settle()
    expect(secretsOf(await openEncryptedSecretStore(document, cipher, silentLog))).toEqual([
      { secret: apiKey, endpoint: 'https://api.ca.veridox.ai' },
    ])
    store.clear()
    await settle()
    expect(document.read()).toEqual({})
  })
})
