import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export type KeychainMode = 'available' | 'basic_text' | 'unavailable' | 'changed'

const keychainModes: readonly KeychainMode[] = ['available', 'basic_text', 'unavailable', 'changed']

function keychainMode(value: string | undefined): KeychainMode {
  return keychainModes.find((mode) => mode === value) ?? 'available'
}

/** How the test process set up this machine: read once, when the main process starts. */
export const standInEnv = {
  home: process.env.STAND_IN_HOME ?? join(tmpdir(), `case-monitor-stand-in-${process.pid}`),
  isPackaged: process.env.STAND_IN_PACKAGED === '1',
  readyDelayMs: Number(process.env.STAND_IN_READY_DELAY_MS ?? 0),
  keychain: keychainMode(process.env.STAND_IN_KEYCHAIN),
  proxy: process.env.STAND_IN_PROXY ?? 'DIRECT',
  notificationsSupported: process.env.STAND_IN_NOTIFICATIONS !== 'unsupported',
  isOnline: process.env.STAND_IN_ONLINE !== '0',
  connectionsPerHost: Number(process.env.STAND_IN_CONNECTIONS_PER_HOST ?? 6),
  // launch.cjs is given out/main/index.js: the app is the folder two levels above out/main.
  appPath: resolve(process.argv[2] ?? 'out/main/index.js', '../../..'),
}
