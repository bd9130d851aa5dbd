import { afterEach } from 'vitest'
import { startSimulator, type Simulator } from '../../simulator'
import { runWatchCommand } from '../watch-command'
import { createMemoryIo } from './memory-io'

const key = { VERIDOX_API_KEY: 'vdx_simulator' }

export const completedLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .filter((line) => (JSON.parse(line) as { state: string }).state === 'completed')

/** A simulator per test with one one-file case, and `watch --json --state-dir DIR CASE` run in this process. */
export function useStateDirWatch() {
  let simulator: Simulator | null = null
  afterEach(async () => {
    await simulator?.close()
    simulator = null
  })
  return {
    simulator: (): Simulator => simulator!,
    async oneFileCase(): Promise<string> {
      simulator = await startSimulator({ analysisMs: 400, heartbeatMs: 300, retryMs: 100 })
      return simulator.control.createCase({ label: 'State folder', fileLabels: ['passport.pdf'] }).caseId
    },
    /** Stopped (exit 130) if it outlives `timeoutMs`. */
    async watch(stateDir: string, caseId: string, timeoutMs = 8_000) {
      const memory = createMemoryIo(key)
      const timer = setTimeout(memory.abort, timeoutMs)
      const started = Date.now()
      try {
        const code = await runWatchCommand(['--base-url', simulator!.baseUrl, '--json', '--state-dir', stateDir, caseId], memory.io)
        return { code, stdout: memory.stdout(), stderr: memory.stderr(), elapsedMs: Date.now() - started }
      } finally {
        clearTimeout(timer)
      }
    },
  }
}
