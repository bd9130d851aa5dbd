import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/errors'
import { runCommandLine, UsageError, type CliCommand } from './cli-io'
import { runSimulatorCommand } from './simulator-command'
import { createMemoryIo } from './testing/memory-io'
import { runWatchCommand } from './watch-command'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const key = { VERIDOX_API_KEY: 'vdx_simulator' }
const usage = 'Usage: case-monitor COMMAND'
const commands: Record<string, CliCommand> = { watch: runWatchCommand, simulator: runSimulatorCommand }

async function run(argv: string[], env: NodeJS.ProcessEnv = key, program = { commands, usage }) {
  const memory = createMemoryIo(env)
  const code = await runCommandLine(argv, memory.io, program)
  return { code, stdout: memory.stdout(), stderr: memory.stderr() }
}

describe('the case-monitor command line', () => {
  it.each([
    [[caseId], {}, 'Set VERIDOX_API_KEY to your Veridox API key; it is read only from the environment, never from a flag.'],
    [
      [caseId],
      { VERIDOX_API_KEY: '  ' },
      'Set VERIDOX_API_KEY to your Veridox API key; it is read only from the environment, never from a flag.',
    ],
    [['not-a-case'], {}, '"not-a-case" is not a Veridox case ID (a version 7 UUID such as 019bfb3c-1257-7455-af2e-0cd3cadab5c7).'],
    [[], key, 'Give at least one case ID to watch.'],
    [
      ['--base-url', 'http://example.com', caseId],
      key,
      '--base-url must use https:// (plain http:// is allowed only for this computer), so the key is never sent in the clear.',
    ],
    [['--base-url', 'nowhere', caseId], key, '--base-url "nowhere" is not an address.'],
    [['--limit-streams', 'many', caseId], key, '--limit-streams must be a whole number from 1 to 100000, not "many".'],
    [[caseId, '--base-url'], key, "Option '--base-url <value>' argument missing"],
  ])('refuses watch %j with exit 2 and one sentence on stderr', async (args, env, sentence) => {
    const result = await run(['watch', ...args], env)
    expect(result).toEqual({ code: 2, stdout: '', stderr: `case-monitor: ${sentence}\n` })
  })

  it('refuses an unknown option with exit 2 and node:util’s one line, which names it', async () => {
    const result = await run(['watch', '--bogus', caseId])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^case-monitor: Unknown option '--bogus'\.[^\n]*\n$/)
    expect(result.stdout).toBe('')
  })

  it.each(['wacth', 'toString', '__proto__'])('refuses the unknown command %j with exit 2', async (name) => {
    expect(await run([name, caseId])).toEqual({
      code: 2,
      stdout: '',
      stderr: `case-monitor: Unknown command "${name}". Use "watch" or "simulator".\n`,
    })
  })

  it.each(['help', '--help', '-h'])('prints the usage on stdout for %s and exits 0', async (flag) => {
    expect(await run([flag])).toEqual({ code: 0, stdout: `${usage}\n`, stderr: '' })
  })

  it('prints the usage and exits 2 when no command is given', async () => {
    expect(await run([])).toEqual({ code: 2, stdout: `${usage}\n`, stderr: '' })
  })

  it('hands the command the arguments after its name, and returns its exit status', async () => {
    const seen: string[][] = []
    const watch: CliCommand = async (argv) => (seen.push(argv), 130)
    expect((await run(['watch', '--json', caseId], key, { commands: { watch }, usage })).code).toBe(130)
    expect(seen).toEqual([['--json', caseId]])
  })

  it.each([
    [new AppError('key_missing', 'Set a key first.'), 'Set a key first.'],
    [new TypeError('Headers.set: "vdx_abc\r\nX-Evil: 1" is an invalid header value.'), 'stopped by an unexpected problem.'],
    [
      Object.assign(new Error("EACCES: permission denied, mkdir '/state'"), { code: 'EACCES' }),
      'stopped by an unexpected problem (EACCES).',
    ],
    [Object.assign(new Error('odd'), { code: 'not an errno code: vdx_abc' }), 'stopped by an unexpected problem.'],
    ['a thrown string', 'stopped by an unexpected problem.'],
  ])('reports a failure that is not about usage with exit 1, in our words and never a library’s text: %j', async (thrown, sentence) => {
    const watch: CliCommand = async () => {
      throw thrown
    }
    expect(await run(['watch'], key, { commands: { watch }, usage })).toEqual({
      code: 1,
      stdout: '',
      stderr: `case-monitor: ${sentence}\n`,
    })
  })

  it('treats a UsageError from any command as a usage problem', async () => {
    const watch: CliCommand = async () => {
      throw new UsageError('Pick one.')
    }
    expect(await run(['watch'], key, { commands: { watch }, usage })).toEqual({ code: 2, stdout: '', stderr: 'case-monitor: Pick one.\n' })
  })
})
