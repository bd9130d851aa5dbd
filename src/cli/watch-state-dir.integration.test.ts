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

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('case-monitor watch --state-dir', () => {
  // Root writes into a chmod 0500 folder regardless, so the folder is made impossible instead: its parent is a file.
  it('reports a completion once and exits 0 when the state folder cannot be written, saying so in one sentence', async () => {
    const caseId = await oneFileCase()
    const blocker = join(tempStateDir(), 'a-file')
    writeFileSync(blocker, '')
    const stateDir = join(blocker, 'state')

    const run = await watch(stateDir, caseId)

    expect(run.code).toBe(0)
    expect(completedLines(run.stdout)).toHaveLength(1)
    expect(run.stderr).toMatch(
      new RegExp(
        `^\\S+ error ${escaped(
          `Could not save the completion ledger in ${stateDir} (part of its path is a file, not a folder); completions are kept in memory for this run.`,
        )}\\n$`,
      ),
    )
  })
})
