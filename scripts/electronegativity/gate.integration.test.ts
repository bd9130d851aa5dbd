import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSarif } from './findings.mjs'

// The gate for real: electronegativity (installed in tools/electronegativity on first use) scans a planted
// insecure window, and the gate fails on its HIGH findings unless the exceptions file excuses them.
const root = resolve(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'case-monitor-electronegativity-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const plantedWindow = `import { BrowserWindow } from 'electron'

export function openInsecureWindow(): BrowserWindow {
  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })
}
`

function gate(exceptions: unknown[]): { status: number | null; stdout: string; stderr: string; sarif: string } {
  const input = join(work, 'planted')
  const exceptionsFile = join(work, 'exceptions.json')
  const sarif = join(work, 'results.sarif')
  rmSync(input, { recursive: true, force: true })
  mkdirSync(input, { recursive: true })
  writeFileSync(join(input, 'insecure-window.ts'), plantedWindow)
  writeFileSync(exceptionsFile, JSON.stringify(exceptions))
  const run = spawnSync(
    process.execPath,
    ['scripts/electronegativity/gate.mjs', '--input', input, '--exceptions', exceptionsFile, '--sarif', sarif],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, sarif }
}

describe('the electronegativity gate over a planted insecure window', () => {
  it('fails on its HIGH findings, passes once each is excused with a reason, and reports a stale exception', () => {
    const blocked = gate([
      { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'insecure-window.ts', reason: 'planted: contextIsolation is off on purpose here' },
    ])
    expect(blocked.status).toBe(1)
    expect(blocked.stdout).toContain('HIGH LIMIT_NAVIGATION_GLOBAL_CHECK at (whole app)')
    expect(blocked.stdout).toContain('HIGH NODE_INTEGRATION_JS_CHECK at insecure-window.ts:4 (rated INFORMATIONAL by electronegativity)')
    expect(blocked.stdout).not.toContain('HIGH CONTEXT_ISOLATION_JS_CHECK')
    expect(blocked.stdout).toMatch(/3 HIGH finding\(s\) not excused, 1 excused, \d+ below HIGH: failed\.$/m)

    // The committed fixture the unit tests read is what the scanner says today.
    const highOf = (path: string) =>
      readSarif(JSON.parse(readFileSync(path, 'utf8'))).findings.filter((finding) => finding.severity === 'HIGH')
    expect(highOf(blocked.sarif)).toEqual(highOf(join(import.meta.dirname, 'fixtures/planted.sarif')))

    const excused = gate([
      { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'insecure-window.ts', reason: 'planted: contextIsolation is off on purpose here' },
      { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: null, reason: 'planted: this window never navigates anywhere' },
      { check: 'NODE_INTEGRATION_JS_CHECK', file: 'insecure-window.ts', reason: 'planted: node integration is on on purpose here' },
      { check: 'SANDBOX_JS_CHECK', file: 'insecure-window.ts', reason: 'planted: the sandbox is off on purpose here' },
      { check: 'SANDBOX_JS_CHECK', file: 'gone.ts', reason: 'an exception for a file that no longer exists' },
    ])
    expect(excused.status).toBe(0)
    expect(excused.stdout).toContain('stale exception, it matches no HIGH finding: SANDBOX_JS_CHECK in gone.ts')
    expect(excused.stdout).toMatch(/0 HIGH finding\(s\) not excused, 4 excused, \d+ below HIGH: passed\.$/m)
  }, 240_000)

  it('refuses an exceptions file whose entry gives no reason, before scanning', () => {
    const run = gate([{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'insecure-window.ts' }])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^.*exceptions\.json: The exceptions file is not valid: 0\.reason: .*\n$/)
    expect(run.stdout).toBe('')
  })
})
