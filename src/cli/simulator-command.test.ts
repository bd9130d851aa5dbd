import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runSimulatorCommand } from './simulator-command'

function runCommand(argv: string[]) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const controller = new AbortController()
  const exit = runSimulatorCommand(argv, { stdout, stderr, signal: controller.signal })
  const firstLine = new Promise<string>((resolve, reject) => {
    const check = () => (out.includes('\n') ? resolve(out.split('\n')[0]) : undefined)
    stdout.on('data', check)
    void exit.then(() => reject(new Error(`exited before printing a URL: ${err}`)))
  })
  firstLine.catch(() => {})
  return { exit, firstLine, stop: () => controller.abort(), stdout: () => out, stderr: () => err }
}

const fetchStatus = async (url: string, key = 'vdx_simulator') => (await fetch(url, { headers: { 'x-api-key': key } })).status

describe('case-monitor simulator', () => {
  it('prints the base URL alone on the first line, serves with vdx_simulator, and stops on abort', async () => {
    const run = runCommand(['--demo', '2', '--seed', '3'])
    const url = await run.firstLine
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const list = (await (await fetch(`${url}/cases`, { headers: { 'x-api-key': 'vdx_simulator' } })).json()) as { total: number }
    expect(list.total).toBe(2)
    run.stop()
    expect(await run.exit).toBe(0)
    expect(run.stdout()).toBe(`${url}\n`)
    expect(run.stderr()).toContain('listening')
  })

  it('applies limit and fault flags', async () => {
    const run = runCommand(['--api-key', 'vdx_a', '--api-key', 'vdx_b', '--limit-list-per-min', '2', '--error-burst', '503:1', '--control'])
    const url = await run.firstLine
    expect(await fetchStatus(`${url}/cases`, 'vdx_a')).toBe(503)
    expect(await fetchStatus(`${url}/cases`, 'vdx_a')).toBe(200)
    expect(await fetchStatus(`${url}/cases`, 'vdx_a')).toBe(200)
    expect(await fetchStatus(`${url}/cases`, 'vdx_a')).toBe(429)
    expect(await fetchStatus(`${url}/cases`, 'vdx_b')).toBe(200)
    expect(await fetchStatus(`${url}/cases`, 'vdx_simulator')).toBe(401)
    expect((await fetch(`${url}/__simulator/stats`)).status).toBe(200)
    run.stop()
    expect(await run.exit).toBe(0)
  })

  it.each([
    [['--bogus'], 'case-monitor simulator: unknown option --bogus; run with --help for the list.\n'],
    [['--port', 'abc'], 'case-monitor simulator: --port must be an integer from 0 to 65535, not "abc".\n'],
    [['--port'], 'case-monitor simulator: --port needs a value.\n'],
    [['--error-burst', '418:2'], 'case-monitor simulator: --error-burst must look like 503:5 (status 500, 502 or 503, then a count).\n'],
    [['--fault', '{"kind":"nope"}'], 'case-monitor simulator: --fault is not a valid fault (kind: '],
    [['--no-limits', '--limit-streams', '3'], 'case-monitor simulator: --no-limits cannot be combined with --limit-* flags.\n'],
    [['extra'], 'case-monitor simulator: unexpected argument extra; every option starts with --.\n'],
  ])('refuses %j with one clear sentence and exit code 2', async (argv, message) => {
    const run = runCommand(argv)
    expect(await run.exit).toBe(2)
    expect(run.stderr().startsWith(message)).toBe(true)
    expect(run.stderr().trim().split('\n')).toHaveLength(1)
    expect(run.stdout()).toBe('')
  })

  it('refuses a bad scenario file, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-cli-'))
    const file = join(dir, 'scenario.json')
    await writeFile(file, JSON.stringify({ failureRate: 2 }))
    const run = runCommand(['--scenario', file])
    expect(await run.exit).toBe(2)
    expect(run.stderr()).toContain(`scenario file ${file}: invalid scenario (failureRate: `)
  })

  it('prints usage for --help', async () => {
    const run = runCommand(['--help'])
    expect(await run.exit).toBe(0)
    expect(run.stdout()).toContain('Usage: case-monitor simulator')
  })
})
