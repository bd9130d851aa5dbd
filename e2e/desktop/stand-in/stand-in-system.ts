import type { NativeImage, NativeTheme, Net, PowerMonitor, SafeStorage } from 'electron'
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createPooledFetch } from '../../../src/core/testing/connection-pool-fetch'
import { onTestMessage, toTest } from './channel'
import { standInEnv } from './stand-in-env'

type UsedPowerMonitor = Pick<PowerMonitor, 'on' | 'off' | 'once' | 'removeListener'>

export const powerMonitor = new EventEmitter() as EventEmitter & UsedPowerMonitor

let isOnline = standInEnv.isOnline

// Chromium's network stack: at most six HTTP/1.1 connections per host, shared by every request.
const pool = createPooledFetch({ maxConnectionsPerOrigin: standInEnv.connectionsPerHost, fetch: globalThis.fetch })

type UsedNet = Pick<Net, 'isOnline' | 'fetch'>

export const net: UsedNet = {
  isOnline: () => isOnline,
  fetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const cache = (init as { cache?: string } | undefined)?.cache ?? null
    toTest({ kind: 'net-fetch', url, method: init?.method ?? 'GET', cache })
    return pool.fetch(input as string, init as RequestInit)
  },
}

export function poolStats(): ReturnType<typeof pool.stats> {
  return pool.stats()
}

// The keychain is a per-machine secret in the stand-in's home: "changed" is another machine's secret.
function machineSecret(): Buffer {
  const path = join(standInEnv.home, 'keychain.secret')
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, randomBytes(32))
  }
  const secret = readFileSync(path)
  return standInEnv.keychain === 'changed' ? Buffer.from(secret.map((byte) => byte ^ 0xff)) : secret
}

// Chromium on Linux (os_crypt): "v11" entries are sealed with a key from the keyring; "v10" entries with a
// key derived from a password built into Chromium ("peanuts"), which basic_text uses because it has no
// keyring. So basic_text opens v10 wherever it runs, and cannot open a keyring's v11.
const builtInKey = createHash('sha256').update('peanuts').digest()

function keyFor(version: string): Buffer {
  if (version === 'v10') return builtInKey
  if (standInEnv.keychain === 'basic_text') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
  return machineSecret()
}

function encrypt(plain: string): Buffer {
  if (standInEnv.keychain === 'unavailable')
    throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.')
  const version = standInEnv.keychain === 'basic_text' ? 'v10' : 'v11'
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(version), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return Buffer.concat([Buffer.from(version), iv, cipher.getAuthTag(), body])
}

function decrypt(encrypted: Buffer): string {
  if (standInEnv.keychain === 'unavailable')
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.')
  try {
    const iv = encrypted.subarray(3, 15)
    const decipher = createDecipheriv('aes-256-gcm', keyFor(encrypted.subarray(0, 3).toString('latin1')), iv)
    decipher.setAuthTag(encrypted.subarray(15, 31))
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8')
  } catch {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
  }
}

type UsedSafeStorage = Pick<
  SafeStorage,
  | 'isEncryptionAvailable'
  | 'isAsyncEncryptionAvailable'
  | 'getSelectedStorageBackend'
  | 'encryptString'
  | 'decryptString'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
>

export const safeStorage: UsedSafeStorage = {
  isEncryptionAvailable: () => standInEnv.keychain !== 'unavailable',
  isAsyncEncryptionAvailable: () => Promise.resolve(standInEnv.keychain !== 'unavailable'),
  getSelectedStorageBackend: () =>
    standInEnv.keychain === 'basic_text' ? 'basic_text' : standInEnv.keychain === 'unavailable' ? 'unknown' : 'gnome_libsecret',
  encryptString: encrypt,
  decryptString: decrypt,
  encryptStringAsync: (plain) => Promise.resolve().then(() => encrypt(plain)),
  decryptStringAsync: (encrypted) => Promise.resolve().then(() => ({ shouldReEncrypt: false, result: decrypt(encrypted) })),
}

type UsedNativeTheme = Pick<NativeTheme, 'shouldUseDarkColors' | 'themeSource' | 'on' | 'off'>

// The stand-in's desktop is in light mode. Each assignment to themeSource is told to the test, as
// Electron would repaint native menus, scrollbars and dialogs, and emits 'updated' when the colours change.
let themeSource: NativeTheme['themeSource'] = 'system'

export const nativeTheme = Object.defineProperties(new EventEmitter(), {
  shouldUseDarkColors: { enumerable: true, get: () => themeSource === 'dark' },
  themeSource: {
    enumerable: true,
    get: () => themeSource,
    set(source: NativeTheme['themeSource']) {
      const wasDark = themeSource === 'dark'
      themeSource = source
      toTest({ kind: 'app-event', name: `native-theme:${source}` })
      if (wasDark !== (source === 'dark')) nativeTheme.emit('updated')
    },
  },
}) as EventEmitter & UsedNativeTheme

const imagePaths = new WeakMap<object, string>()

type UsedNativeImage = Pick<NativeImage, 'isEmpty' | 'getSize' | 'setTemplateImage' | 'isTemplateImage' | 'toDataURL' | 'resize'>

function standInImage(path: string): NativeImage {
  let isTemplate = false
  const image: UsedNativeImage = {
    isEmpty: () => !existsSync(path),
    getSize: () => ({ width: 16, height: 16 }),
    setTemplateImage: (option) => {
      isTemplate = option
    },
    isTemplateImage: () => isTemplate,
    toDataURL: () => (existsSync(path) ? `data:image/png;base64,${readFileSync(path).toString('base64')}` : ''),
    resize: () => image as NativeImage,
  }
  imagePaths.set(image, path)
  return image as NativeImage
}

export const nativeImage = {
  createFromPath: (path: string) => standInImage(path),
  createEmpty: () => standInImage(''),
}

export function imagePath(image: NativeImage | string): string {
  return typeof image === 'string' ? image : (imagePaths.get(image) ?? '')
}

export function wireSystem(): void {
  onTestMessage((message) => {
    if (message.kind === 'power') powerMonitor.emit(message.name, { preventDefault() {} })
    if (message.kind === 'online') isOnline = message.isOnline
  })
}
