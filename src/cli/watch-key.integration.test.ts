import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../simulator'
import { runCommandLine } from './cli-io'
import { createMemoryIo } from './testing/memory-io'
import { runWatchCommand } from './watch-command'

let simulator: Simulator | undefined
afterEach(async () => simulator?.close())

/** `case-monitor watch …` in this process against a real simulator; stopped after `giveUpMs` if it has not ended. */
async function watchWithKey(apiKey: string, giveUpMs = 3_000) {
  simulator = await startSimulator({ analysisMs: 300 })
  const caseId = simulator.control.createCase({ fileLabels: ['passport.pdf'] }).caseId
  const memory = createMemoryIo({ VERIDOX_API_KEY: apiKey, CASE_MONITOR_LOG: 'debug' })
  const giveUp = setTimeout(() => memory.abort(), giveUpMs)
  const code = await runCommandLine(['watch', '--base-url', simulator.baseUrl, '--json', caseId], memory.io, {
    commands: { watch: runWatchCommand },
    usage: 'Usage: case-monitor watch',
  })
  clearTimeout(giveUp)
  return { code, stdout: memory.stdout(), stderr: memory.stderr() }
}

describe('case-monitor watch with an unusable VERIDOX_API_KEY', () => {
  it('refuses a key holding CR LF with one sentence on stderr and exit 2, and the key appears in no output', async () => {
    const run = await watchWithKey('vdx_abc\r\nX-Evil: 1')
    for (const fragment of ['vdx_abc', 'X-Evil']) expect(run.stdout + run.stderr).not.toContain(fragment)
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'case-monitor: VERIDOX_API_KEY does not hold a usable API key: an API key has no spaces, line breaks or special characters.\n',
    })
  })

  it('refuses a key too short to be one the same way, before any request', async () => {
    const run = await watchWithKey('vdx_abc')
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'case-monitor: VERIDOX_API_KEY does not hold a usable API key: too short to be an API key.\n',
    })
    expect(simulator!.control.stats().requestsByRoute).toEqual({})
  })
})
