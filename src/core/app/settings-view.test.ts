import { describe, expect, it } from 'vitest'
import { settingsViewSchema } from '../../shared/ipc-schemas'
import { createMemoryDocument } from '../persistence/memory-document'
import { silentLog } from '../runtime/log'
import { openEncryptedSecretStore, type KeyCipher } from './encrypted-secret-store'
import { createMemorySecretStore } from './secret-store'
import { describeSettings } from './settings-view'
import { defaultSettings } from './settings-store'

const apiKey = 'vdx_analyst_0123'
const seal = (plain: string) => `sealed:${Buffer.from(plain).toString('base64')}`
const savedEntry = { encryptedEntry: seal(JSON.stringify({ apiKey, endpoint: 'https://api.uk.veridox.ai' })) }

const keychain = (availability: KeyCipher['availability']) =>
  ({
    availability,
    encrypt: async (plain: string) => seal(plain),
    async decrypt(encrypted: string) {
      if (availability !== 'protected' || !encrypted.startsWith('sealed:')) throw new Error('decryption is not available')
      return Buffer.from(encrypted.slice('sealed:'.length), 'base64').toString()
    },
  }) satisfies KeyCipher

// Every view is checked against the contract's schema, so the core cannot send what the window has no words for.
async function viewOver(document: Record<string, unknown>, cipher: KeyCipher) {
  const view = describeSettings(defaultSettings, await openEncryptedSecretStore(createMemoryDocument(document), cipher, silentLog), null)
  expect(settingsViewSchema.safeParse(view).success).toBe(true)
  return view
}

describe('the settings the window is shown', () => {
  it('says the saved key cannot be read because the keychain is unavailable, and no more than that', async () => {
    const view = await viewOver(savedEntry, keychain('unavailable'))
    expect(view).toMatchObject({ mode: 'simulator', hasApiKey: false, keyEndpoint: null, savedKeyProblem: 'keychain_unavailable' })
    expect(JSON.stringify(view)).not.toContain(apiKey)
    expect(JSON.stringify(view)).not.toContain(savedEntry.encryptedEntry)
  })

  it('says the saved key is unreadable when the keychain cannot open it', async () => {
    const view = await viewOver({ encryptedEntry: 'sealed-by-another-keychain' }, keychain('protected'))
    expect(view).toMatchObject({ mode: 'simulator', hasApiKey: false, savedKeyProblem: 'unreadable' })
  })

  it('reports no problem with a key it can read, or with none saved', async () => {
    expect(await viewOver(savedEntry, keychain('protected'))).toMatchObject({ mode: 'veridox', hasApiKey: true, savedKeyProblem: null })
    expect(describeSettings(defaultSettings, createMemorySecretStore(), null).savedKeyProblem).toBeNull()
  })
})
