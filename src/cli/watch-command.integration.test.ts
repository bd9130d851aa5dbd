import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../simulator'
import { tempStateDir } from '../core/monitor/monitor-test-kit'
import { ensureBuiltCli, runCli } from './testing/built-cli'
import { createMemoryIo } from './testing/memory-io'
import { runWatchCommand } from './watch-command'

let simulator: Simulator
const key = { VERIDOX_API_KEY: 'vdx_simulator' }
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)

afterEach(async () => simulator?.close())

async function threeFileCase(analysisMs = 900) {
  simulator = await startSimulator({ analysisMs, heartbeatMs: 500, retryMs: 200 })
  return simulator.control.createCase({ label: 'Three files', fileLabels: ['passport.pdf', 'payslip.png', 'bank.pdf'] }).caseId
}

/** `case-monitor watch …` in this process: same command, no process start or build. */
async function watch(argv: string[], env: NodeJS.ProcessEnv = key) {
  const memory = createMemoryIo(env)
  const code = await runWatchCommand(argv, memory.io)
  return { code, stdout: memory.stdout(), stderr: memory.stderr() }
}

// Argument parsing and usage errors are unit tests (watch-args.test.ts, cli-io.test.ts); these two prove the built bin.
describe('the built case-monitor bin', () => {
  beforeAll(ensureBuiltCli, 60_000)

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

  it('exits 1 with one sentence for a rejected key, and never prints the key', async () => {
    const caseId = await threeFileCase()
    const run = await runCli(['watch', '--base-url', simulator.baseUrl, caseId], { VERIDOX_API_KEY: 'vdx_secret_wrong_key' })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^Veridox at 127\.0\.0\.1:\d+ rejected the API key in VERIDOX_API_KEY\.\n$/)
    expect(run.stdout + run.stderr).not.toContain('vdx_secret_wrong_key')
  })
})

describe('case-monitor watch', () => {
  it('does not report a completion twice across runs that share a --state-dir', async () => {
    const caseId = await threeFileCase(400)
    const stateDir = tempStateDir()
    const first = await watch(['--base-url', simulator.baseUrl, '--json', '--state-dir', stateDir, caseId])
    expect(first.code).toBe(0)
    expect(jsonLines(first.stdout).filter((line) => line.state === 'completed')).toHaveLength(1)
    const second = await watch(['--base-url', simulator.baseUrl, '--json', '--state-dir', stateDir, caseId])
    expect(second.code).toBe(0)
    expect(jsonLines(second.stdout).filter((line) => line.state === 'completed')).toHaveLength(0)
    expect(second.stderr).toBe(`Case ${caseId} completed earlier; its completion was already reported (state in ${stateDir}).\n`)
  })

  it('prints one plain line per change of state when not in a terminal: no bar, no escapes', async () => {
    const caseId = await threeFileCase(400)
    const run = await watch(['--base-url', simulator.baseUrl, caseId])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).not.toMatch(/[█░]/)
    expect(run.stdout).not.toContain('\x1b[')
    // name  id  progress  state  [files  risk]
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('  '))
    const states = lines.map((fields) => fields[3])
    expect(states.at(-1)).toBe('completed')
    expect(states.filter((state) => state === 'completed')).toHaveLength(1)
    states.slice(1).forEach((state, i) => expect(state, run.stdout).not.toBe(states[i]))
    const [name, shortId, progress] = lines.at(-1)!
    expect([name, progress]).toEqual(['Three files', '100%'])
    expect(shortId!.replace('…', '')).toMatch(/^[0-9a-f]{8}$/)
    expect(caseId).toContain(shortId!.replace('…', ''))
  })

  it('keeps to limits given on the command line', async () => {
    simulator = await startSimulator({ analysisMs: 500, heartbeatMs: 300, retryMs: 100 })
    const ids = [1, 2, 3].map((i) => simulator.control.createCase({ label: `Limited ${i}`, fileLabels: ['a.pdf'] }).caseId)
    const run = await watch(['--base-url', simulator.baseUrl, '--json', '--limit-streams', '1', ...ids])
    expect(run.code).toBe(0)
    expect(jsonLines(run.stdout).filter((line) => line.state === 'completed')).toHaveLength(3)
    expect(simulator.control.stats().peakStreamsByKey.vdx_simulator).toBe(1)
  })

  it('exits 1 with one sentence for an unknown case', async () => {
    simulator = await startSimulator()
    const unknown = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
    const run = await watch(['--base-url', simulator.baseUrl, '--json', unknown])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`Veridox has no case ${unknown}, or it belongs to another organisation.\n`)
  })
})
