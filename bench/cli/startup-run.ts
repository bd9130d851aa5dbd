import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import type { Simulator } from '../../src/simulator'

const root = resolve(__dirname, '../..')
const cliPath = resolve(root, 'out/cli/index.mjs')

/** Milliseconds from spawning `node args…` to its first byte on stdout (or its exit, for `node -e 0`). */
function timeToFirstOutput(args: string[], env: NodeJS.ProcessEnv, waitForOutput: boolean): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const startedAt = performance.now()
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let firstAt: number | null = null
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => {
      firstAt ??= performance.now() - startedAt
      if (waitForOutput) child.kill('SIGINT')
    })
    child.once('exit', () => {
      if (!waitForOutput) return resolvePromise(performance.now() - startedAt)
      if (firstAt === null) reject(new Error(`no output from ${args.join(' ').slice(0, 80)}…; stderr: ${stderr}`))
      else resolvePromise(firstAt)
    })
  })
}

export const nodeStartupMs = (): Promise<number> => timeToFirstOutput(['-e', '0'], { PATH: process.env.PATH }, false)

/** `case-monitor watch --json` with the given cases: spawn → its first line. */
export const cliStartupMs = (simulator: Simulator, caseIds: string[]): Promise<number> =>
  timeToFirstOutput(
    [cliPath, 'watch', '--json', '--base-url', simulator.baseUrl, ...caseIds],
    { PATH: process.env.PATH, VERIDOX_API_KEY: 'vdx_simulator' },
    true,
  )
