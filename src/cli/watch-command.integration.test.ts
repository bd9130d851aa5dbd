import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../simulator'
import { tempStateDir } from '../core/monitor/monitor-test-kit'
import { ensureBuiltCli, runCli } from './testing/built-cli'

let simulator: Simulator
const key = { VERIDOX_API_KEY: 'vdx_simulator' }
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)

beforeAll(ensureBuiltCli, 60_000)
afterEach(async () => simulator?.close())

async function threeFileCase(analysisMs = 900) {
  simulator = await startSimulator({ analysisMs, heartbeatMs: 500, retryMs: 200 })
  return simulator.control.createCase({ label: 'Three files', fileLabels: ['passport.pdf', 'payslip.png', 'bank.pdf'] }).caseId
}

describe('case-monitor watch', () => {
  it('follows a three-file case to completion with exactly one completed line, then exits 0', async () => {
    const caseId = await threeFileCase()
    const run = await runCli(['watch', '--base-url', simulator.baseUrl, '--json', caseId], key)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = jsonLines(run.stdout)
    expect(lines.filter((line) => line.state === 'completed')).toHaveLength(1)
    const last = lines.at(-1)!
    expect(last).toMatchObject({ caseId, label: 'Three files', state: 'completed', progress: 100 })
    expect(last.risk).toMatch(/^(informational|low|medium|high)$/)
    expect((last.files as unknown[]).length).toBe(3)
    for (const line of lines) expect(Object.keys(line)).toEqual(expect.arrayContaining(['caseId', 'state', 'progress', 'files']))
    expect(lines.some((line) => line.state === 'live')).toBe(true)
  })

  it('does not report a completion twice across runs that share a --state-dir', async () => {
    const caseId = await threeFileCase(400)
    const stateDir = tempStateDir()
    const first = await runCli(['watch', '--base-url', simulator.baseUrl, '--json', '--state-dir', stateDir, caseId], key)
    expect(jsonLines(first.stdout).filter((line) => line.state === 'completed')).toHaveLength(1)
    const second = await runCli(['watch', '--base-url', simulator.baseUrl, '--json', '--state-dir', stateDir, caseId], key)
    expect(second.code).toBe(0)
    expect(jsonLines(second.stdout).filter((line) => line.state === 'completed')).toHaveLength(0)
    expect(second.stderr).toMatch(/already reported/)
  })

  it('prints one plain line per change when not in a terminal', async () => {
    const caseId = await threeFileCase(400)
    const run = await runCli(['watch', '--base-url', simulator.baseUrl, caseId], key)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Three files\s+\w{8}\s+100%\s+completed/)
  })

  it('keeps to limits given on the command line', async () => {
    simulator = await startSimulator({ analysisMs: 500, heartbeatMs: 300, retryMs: 100 })
    const ids = [1, 2, 3].map((i) => simulator.control.createCase({ label: `Limited ${i}`, fileLabels: ['a.pdf'] }).caseId)
    const run = await runCli(['watch', '--base-url', simulator.baseUrl, '--json', '--limit-streams', '1', ...ids], key)
    expect(run.code).toBe(0)
    expect(jsonLines(run.stdout).filter((line) => line.state === 'completed')).toHaveLength(3)
    expect(simulator.control.stats().peakStreamsByKey.vdx_simulator).toBe(1)
  })

  it('exits non-zero with one sentence for an unknown case', async () => {
    simulator = await startSimulator()
    const unknown = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
    const run = await runCli(['watch', '--base-url', simulator.baseUrl, '--json', unknown], key)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`Veridox has no case ${unknown}, or it belongs to another organisation.\n`)
  })

  it('exits non-zero with one sentence for a rejected key, and never prints the key', async () => {
    const caseId = await threeFileCase()
    const run = await runCli(['watch', '--base-url', simulator.baseUrl, caseId], { VERIDOX_API_KEY: 'vdx_secret_wrong_key' })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^Veridox at 127\.0\.0\.1:\d+ rejected the API key in VERIDOX_API_KEY\.\n$/)
    expect(run.stdout + run.stderr).not.toContain('vdx_secret_wrong_key')
  })

  it.each([
    [[], {}, /Set VERIDOX_API_KEY/],
    [['not-a-case'], key, /"not-a-case" is not a Veridox case ID/],
    [['--base-url', 'http://example.com', '019bfb3c-1257-7455-af2e-0cd3cadab5c7'], key, /must use https/],
    [['--bogus'], key, /Unknown option '--bogus'/],
    [['--limit-streams', 'many', '019bfb3c-1257-7455-af2e-0cd3cadab5c7'], key, /--limit-streams must be a whole number/],
  ])('refuses bad usage with exit 2: %j', async (args, env, message) => {
    const run = await runCli(['watch', ...(args.length === 0 ? ['019bfb3c-1257-7455-af2e-0cd3cadab5c7'] : args)], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })
})
