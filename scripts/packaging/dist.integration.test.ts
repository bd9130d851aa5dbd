import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

// `npm run dist` where the Electron download is unreachable, made deterministic with electron-builder's own
// ELECTRON_MIRROR (read by @electron/get) pointed at loopback, and empty download caches so a runtime cached by
// an earlier build cannot hide the failure. `--prebuilt` packages the existing out/ instead of rebuilding it
// while other suites read it.

const root = resolve(import.meta.dirname, '../..')
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron as string
const scratch: string[] = []

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'case-monitor-dist-'))
  scratch.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true })
})

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function runDist(mirror: string): Promise<Run> {
  const dir = scratchDir()
  const child = spawn(
    process.execPath,
    ['scripts/dist.mjs', '--prebuilt', '--linux', 'dir', `-c.directories.output=${join(dir, 'dist')}`],
    {
      cwd: root,
      env: {
        ...process.env,
        ELECTRON_MIRROR: mirror,
        electron_config_cache: join(dir, 'electron-cache'),
        ELECTRON_BUILDER_CACHE: join(dir, 'builder-cache'),
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })))
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)))
}

const oneSentence = new RegExp(
  `^npm run dist cannot build the installers here: the Electron ${electronVersion.replaceAll('.', '\\.')} runtime could not be downloaded from 127\\.0\\.0\\.1:\\d+ \\(.*\\)\\.\\n$`,
)

function expectOneSentence(run: Run): void {
  expect(run.code).toBe(1)
  expect(run.stderr).toMatch(oneSentence)
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m) // no stack trace
}

describe('npm run dist without the Electron download', () => {
  it('stops with one sentence and exit code 1 when the mirror answers 404', async () => {
    const requested: string[] = []
    const server = createServer((request, response) => {
      requested.push(request.url ?? '')
      response.writeHead(404).end('not here')
    })
    const port = await listen(server)
    try {
      const run = await runDist(`http://127.0.0.1:${port}/mirror/`)
      expectOneSentence(run)
      expect(requested.some((url) => url.includes(`electron-v${electronVersion}-linux-`))).toBe(true)
    } finally {
      server.close()
    }
  }, 60_000)

  it('stops with the same sentence when nothing listens at the mirror', async () => {
    const server = createServer()
    const port = await listen(server)
    await new Promise((done) => server.close(done)) // a port that was free a moment ago: connection refused
    expectOneSentence(await runDist(`http://127.0.0.1:${port}/`))
  }, 60_000)
})
