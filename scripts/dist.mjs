#!/usr/bin/env node
// `npm run dist [-- FLAGS]`: build the app, then its installers with electron-builder (electron-builder.config.ts).
// FLAGS are electron-builder's own (`--linux`, `--mac`, `--win`, `--dir`, `--arm64`, `-c.key=value`, …); with none it
// builds this OS's installers. `--prebuilt` packages the existing out/ (after `npm run build`) without rebuilding.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { electronDownloadFailure } from './packaging/download-failure.mjs'

const require = createRequire(import.meta.url)
const { build, configureBuildCommand, createYargs } = require('electron-builder/out/builder')

const root = resolve(import.meta.dirname, '..')
const configFile = 'electron-builder.config.ts'
const electronVersion = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).devDependencies.electron

const { prebuilt, ...args } = configureBuildCommand(createYargs())
  .option('prebuilt', { type: 'boolean', default: false, description: 'Package the existing out/ without rebuilding it' })
  .strict()
  .parseSync(process.argv.slice(2))

if (!prebuilt) {
  // npm is a .cmd on Windows, which Node runs only through a shell.
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

// `-c.key=value` overrides arrive as an object: they refine this project's config rather than replace it.
const config = typeof args.config === 'string' ? args.config : { ...args.config, extends: configFile }

try {
  await build({ ...args, config, projectDir: root, publish: args.publish ?? 'never' })
  process.exit(0)
} catch (error) {
  const sentence = electronDownloadFailure(error, electronVersion)
  if (sentence) process.stderr.write(`${sentence}\n`)
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  // Exit now: electron-builder's download agents would otherwise keep the process alive for half a minute.
  process.exit(1)
}
