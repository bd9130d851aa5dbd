import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../simulator'
import { tempStateDir } from '../core/monitor/monitor-test-kit'
import { createMemoryIo } from './testing/memory-io'
import { runWatchCommand } from './watch-command'

let simulator: Simulator
const key = { VERIDOX_API_KEY: 'vdx_simulator' }
const completedLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .filter((line) => (JSON.parse(line) as { state: string }).state === 'completed')

afterEach(async () => simulator?.close())

async function oneFileCase(): Promise<string> {
  simulator = await startSimulator({ analysisMs: 400, heartbeatMs: 300, retryMs: 100 })
  return simulator.control.createCase({ label: 'State folder', fileLabels: ['passport.pdf'] }).caseId
}

/** `case-monitor watch --json --state-dir DIR CASE` in this process, stopped (exit 130) if it outlives `timeoutMs`. */
async function watch(stateDir: string, caseId: string, timeoutMs = 8_000) {
  const memory = createMemoryIo(key)
  const timer = setTimeout(memory.abort, timeoutMs)
  const started = Date.now()
  try {
    const code = await runWatchCommand(['--base-url', simulator.baseUrl, '--json', '--state-dir', stateDir, caseId], memory.io)
    return { code, stdout: memory.stdout(), stderr: memory.stderr(), elapsedMs: Date.now() - started }
  } finally {
    clearTimeout(timer)
  }
}

describe('case-monitor watch --state-dir', () => {
  it.each([
    ['has no watch list', null],
    ['has a watch list without the case', { version: 1, cases: [] }],
  ])('ends at once with no second completed line when the ledger knows the case and the folder %s', async (_name, watchList) => {
    const caseId = await oneFileCase()
    simulator.control.completeCaseNow(caseId)
    const stateDir = tempStateDir()
    writeFileSync(
      join(stateDir, 'completion-ledger.json'),
      JSON.stringify({ version: 2, announced: { [caseId]: Date.now() }, pending: {} }),
    )
    if (watchList) writeFileSync(join(stateDir, 'watch-list.json'), JSON.stringify(watchList))

    const run = await watch(stateDir, caseId)

    expect(run.code).toBe(0)
    expect(run.elapsedMs).toBeLessThan(5_000)
    expect(completedLines(run.stdout)).toHaveLength(0)
    expect(run.stderr).toBe(`Case ${caseId} completed earlier; its completion was already reported (state in ${stateDir}).\n`)
  })
})
