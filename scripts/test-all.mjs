#!/usr/bin/env node
// `npm test`: every gate and every suite, then one line totalling them all (CI reads that last line).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const output = resolve(root, '.test-output')
mkdirSync(output, { recursive: true })
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

function run(title, command, args) {
  process.stdout.write(`\n━━ ${title}: ${command} ${args.join(' ')}\n`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } })
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

const rows = []
function gate(title, command, args) {
  const { ok, seconds } = run(title, command, args)
  rows.push({ title, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds })
  return ok
}

gate('typecheck', 'npm', ['run', '--silent', 'typecheck'])
gate('lint', 'npm', ['run', '--silent', 'lint'])
gate('format', 'npm', ['run', '--silent', 'format:check'])
const isBuilt = gate('build', 'npm', ['run', '--silent', 'build'])
// Scans the sources and the built preload and renderer: after the build.
gate('electronegativity', 'node', ['scripts/electronegativity/gate.mjs'])

const vitestJson = resolve(output, 'vitest-results.json')
rmSync(vitestJson, { force: true })
// No --project: one run of every vitest project (unit, integration, soak, renderer), so the JSON report counts them all.
const vitest = run('vitest: unit, integration, soak, renderer', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
])
const unit = readJson(vitestJson)
rows.push(
  unit
    ? {
        title: 'vitest',
        passed: unit.numPassedTests,
        failed: unit.numFailedTests + (vitest.ok || unit.numFailedTests > 0 ? 0 : 1),
        skipped: unit.numPendingTests + unit.numTodoTests,
        seconds: vitest.seconds,
      }
    : { title: 'vitest (no results)', passed: 0, failed: 1, skipped: 0, seconds: vitest.seconds },
)

function skippedWithReasons(report) {
  const found = []
  const walk = (suite) => {
    for (const child of suite.suites ?? []) walk(child)
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'skipped') continue
        const reason = test.annotations.find((annotation) => annotation.type === 'skip')?.description ?? 'no reason given'
        found.push(`${spec.title}: ${reason}`)
      }
    }
  }
  walk(report)
  return found
}

// Benchmarks are not tests: the quick mode runs only to prove every benchmark still runs (a module that throws
// fails the gate; a missed target does not). Its figures go to .test-output, not to the recorded bench/results.json.
if (isBuilt) gate('benchmarks, quick mode', 'node', ['bench/run.mjs', '--quick', '--out', resolve(output, 'bench-quick.json')])

const playwrightJson = resolve(output, 'playwright-results.json')
rmSync(playwrightJson, { force: true })
if (isBuilt) {
  const e2e = run('end to end (Playwright)', npx, ['playwright', 'test'])
  const report = readJson(playwrightJson)
  for (const line of report ? skippedWithReasons(report) : []) process.stdout.write(`skipped — ${line}\n`)
  rows.push(
    report && existsSync(playwrightJson)
      ? {
          title: 'playwright',
          passed: report.stats.expected + report.stats.flaky,
          failed: report.stats.unexpected + (e2e.ok || report.stats.unexpected > 0 ? 0 : 1),
          skipped: report.stats.skipped,
          seconds: e2e.seconds,
        }
      : { title: 'playwright (no results)', passed: 0, failed: 1, skipped: 0, seconds: e2e.seconds },
  )
} else {
  rows.push({ title: 'playwright (not run: the build failed)', passed: 0, failed: 1, skipped: 0, seconds: 0 })
}

process.stdout.write('\n━━ Summary\n')
for (const row of rows) {
  process.stdout.write(
    `${row.title.padEnd(40)} ${String(row.passed).padStart(5)} passed ${String(row.failed).padStart(4)} failed ${String(row.skipped).padStart(4)} skipped  ${row.seconds.toFixed(1)} s\n`,
  )
}
const passed = rows.reduce((sum, row) => sum + row.passed, 0)
const failed = rows.reduce((sum, row) => sum + row.failed, 0)
const skipped = rows.reduce((sum, row) => sum + row.skipped, 0)
if (skipped > 0) process.stdout.write(`(${skipped} skipped; the reasons are printed above, after each suite)\n`)
process.stdout.write(`${passed} passed, ${failed} failed\n`)
process.exitCode = failed === 0 ? 0 : 1
