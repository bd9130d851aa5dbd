#!/usr/bin/env node
// The electronegativity gate of `npm test`: scans the main, preload and renderer sources (.ts, .html) and the
// built preload and renderer (out/, where the .vue templates are compiled to JavaScript), and fails on a HIGH
// finding not listed with its reason in tools/electronegativity/exceptions.json. The scanner lives in
// tools/electronegativity (about 400 packages), installed there on first use with `npm ci`.
// Options: --input DIR (scan DIR instead), --exceptions FILE, --sarif FILE (where the SARIF goes).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { decide, parseExceptions, readSarif, report } from './findings.mjs'

const root = resolve(import.meta.dirname, '../..')
const toolDir = join(root, 'tools/electronegativity')
const output = join(root, '.test-output/electronegativity')
const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    exceptions: { type: 'string', default: join(toolDir, 'exceptions.json') },
    sarif: { type: 'string', default: join(output, 'results.sarif') },
  },
})

function fail(sentence) {
  process.stderr.write(`${sentence}\n`)
  process.exit(1)
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))

function ensureScannerInstalled() {
  const pinned = readJson(join(toolDir, 'package.json')).devDependencies['@doyensec/electronegativity']
  const installed = join(toolDir, 'node_modules/@doyensec/electronegativity/package.json')
  if (existsSync(installed) && readJson(installed).version === pinned) return
  // npm is a .cmd on Windows, which Node runs only through a shell.
  const install = spawnSync('npm', ['ci', '--prefix', toolDir, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  })
  if (install.status !== 0) {
    process.stderr.write(install.stderr)
    fail(
      `electronegativity ${pinned} could not be installed in tools/electronegativity (npm ci failed; the npm registry must be reachable).`,
    )
  }
}

// Built main (out/main) is left out: it is src/main, scanned above, plus bundled electron-store and conf,
// whose class private fields electronegativity 1.10.3 cannot parse. Tests and source maps are not shipped.
const scanned = ['src/main', 'src/preload', 'src/renderer', 'out/preload', 'out/renderer']

function stageDefaultInput() {
  const missing = scanned.filter((path) => !existsSync(join(root, path)))
  if (missing.length > 0) fail(`electronegativity needs the built app: ${missing.join(', ')} is missing (run \`npm run build\` first).`)
  const stage = join(output, 'scan')
  rmSync(stage, { recursive: true, force: true })
  for (const path of scanned) {
    cpSync(join(root, path), join(stage, path), { recursive: true, filter: (source) => !/\.(test\.ts|map)$/.test(source) })
  }
  return stage
}

let exceptions
try {
  exceptions = parseExceptions(readJson(values.exceptions))
} catch (error) {
  fail(`${values.exceptions}: ${error instanceof Error ? error.message : String(error)}`)
}

ensureScannerInstalled()
const input = values.input ? resolve(values.input) : stageDefaultInput()
const electronVersion = readJson(join(root, 'package.json')).devDependencies.electron
mkdirSync(dirname(values.sarif), { recursive: true })
rmSync(values.sarif, { force: true })
const scan = spawnSync(process.execPath, [join(toolDir, 'scan.mjs'), input, electronVersion, values.sarif], {
  cwd: toolDir,
  encoding: 'utf8',
})
if (scan.status !== 0 || !existsSync(values.sarif)) {
  process.stderr.write(scan.stderr)
  fail('electronegativity did not finish its scan, so nothing was checked.')
}

const result = readSarif(readJson(values.sarif))
const verdict = decide(result, exceptions)
process.stdout.write(`scanned ${values.input ? input : scanned.join(', ')} (SARIF: ${values.sarif})\n`)
for (const line of report(verdict, result.findings.length)) process.stdout.write(`${line}\n`)
process.exitCode = verdict.passed ? 0 : 1
