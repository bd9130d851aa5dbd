import { _electron as electron, type ElectronApplication } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')
const electronDir = join(root, 'node_modules/electron')
const pathFile = join(electronDir, 'path.txt')
export const electronExecutable = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null

export const electronMissing = electronExecutable === null || !existsSync(electronExecutable)
export const electronMissingReason =
  'The Electron binary is not installed (node_modules/electron/path.txt is missing) because it downloads from GitHub, which this machine cannot reach; run `npx install-electron` where it can.'

export const newUserData = (): string => mkdtempSync(join(tmpdir(), 'case-monitor-electron-'))

/** The built app in real Electron, on its own profile folder. */
export function launchElectron(userData: string, env: Record<string, string> = {}, appArgs: string[] = []): Promise<ElectronApplication> {
  // Chromium cannot start its OS sandbox as root (CI runs as root), so there it runs without; isolation is still checked.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  return electron.launch({
    executablePath: electronExecutable!,
    args: [...rootArgs, join(root, 'out/main/index.js'), ...appArgs],
    env: { ...process.env, CASE_MONITOR_LOG: 'info', CASE_MONITOR_USER_DATA: userData, ...env },
  })
}
