import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../../..')
export const cliPath = join(root, 'out/cli/index.mjs')

function newestSource(directory: string): number {
  let newest = 0
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** The CLI is tested as users run it: the built bin in a separate process. Built here if stale. */
export function ensureBuiltCli(): void {
  if (existsSync(cliPath) && statSync(cliPath).mtimeMs >= newestSource(join(root, 'src'))) return
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.cli.config.mts', '--logLevel', 'error'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  if (build.status !== 0) throw new Error(`Building the CLI failed:\n${build.stderr}`)
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 30_000): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`case-monitor ${args.join(' ')} did not finish in ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`))
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}
