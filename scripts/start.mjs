#!/usr/bin/env node
// `npm start`: make sure the Electron runtime is present (it downloads on first use), then build and open the app.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const pathFile = join(electronDir, 'path.txt')
const isInstalled = () => existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))

if (!isInstalled()) {
  process.stdout.write('Downloading the Electron runtime (first start only)…\n')
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 })
  if (download.status !== 0 || !isInstalled()) {
    process.stderr.write(
      'Case Monitor cannot open its window because the Electron runtime could not be downloaded from GitHub on this machine; ' +
        'run `npm start` where GitHub is reachable, or use `npx case-monitor simulator` and `npx case-monitor watch CASE_ID` here (and `npm test` runs every test).\n',
    )
    process.exit(1)
  }
}

// `--dev` runs electron-vite's dev server with hot reload; otherwise the app is built and previewed as shipped.
const mode = process.argv.includes('--dev') ? 'dev' : 'preview'
const run = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), mode], { stdio: 'inherit' })
process.exit(run.status ?? 1)
