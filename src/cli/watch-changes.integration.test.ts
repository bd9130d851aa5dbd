import { afterEach, describe, expect, it } from 'vitest'
import { tempStateDir } from '../core/monitor/monitor-test-kit'
import { createVeridoxClient } from '../core/veridox/veridox-client'
import { startSimulator, type Simulator } from '../simulator'
import { createMemoryIo } from './testing/memory-io'
import { runWatchCommand } from './watch-command'

let simulator: Simulator
const env = { VERIDOX_API_KEY: 'vdx_simulator' }

afterEach(async () => simulator?.close())

async function watch(argv: string[]) {
  const memory = createMemoryIo(env)
  const code = await runWatchCommand(argv, memory.io)
  const lines = memory
    .stdout()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { state: string; files: { fileId: string; stage: string | null; progress: number | null }[] })
  return { code, lines, stderr: memory.stderr() }
}

describe('watch --json prints one line per change', () => {
  it('gives every event of a poll page its own line, in order', async () => {
    simulator = await startSimulator({ analysisMs: 3_000, heartbeatMs: 500, retryMs: 200 })
    const { caseId } = simulator.control.createCase({ label: 'Polled', fileLabels: ['a.pdf', 'b.pdf'] })
    // A proxy page instead of the stream: the case is followed by polling, a page every 5 s, several events each.
    simulator.control.setFaults({ faults: [{ kind: 'html-page', routes: ['stream'] }] })
    const run = await watch(['--base-url', simulator.baseUrl, '--json', '--limit-polls-per-hour', '36000', caseId])
    expect(run.code).toBe(0)

    const client = createVeridoxClient({ baseUrl: simulator.baseUrl, credential: { kind: 'api_key', secret: env.VERIDOX_API_KEY }, fetch })
    const page = await client.pollProgress(caseId, null)
    const progressEvents = page.messages.flatMap((message) =>
      message.kind === 'event' && message.event.type === 'file.analysis.progress' ? [message.event] : [],
    )
    expect(progressEvents.length).toBeGreaterThan(4)
    const printed = run.lines.flatMap((line) => line.files.map((file) => `${file.fileId} ${file.stage} ${file.progress}`))
    for (const event of progressEvents) expect(printed).toContain(`${event.fileId} ${event.stage} ${event.progress}`)
    // In order: each file's printed progress never goes back.
    for (const fileId of new Set(progressEvents.map((event) => event.fileId))) {
      const seen = run.lines.map((line) => line.files.find((file) => file.fileId === fileId)?.progress ?? 0)
      expect(seen).toEqual([...seen].sort((a, b) => (a ?? 0) - (b ?? 0)))
    }
    expect(run.lines.filter((line) => line.state === 'completed')).toHaveLength(1)
  })
})

describe('watch --state-dir and completions announced but never printed', () => {
  it('prints, in the next run, the completed line that a run failed to print after recording it', async () => {
    simulator = await startSimulator({ analysisMs: 300 })
    const { caseId } = simulator.control.createCase({ label: 'Interrupted', fileLabels: ['a.pdf'] })
    const stateDir = tempStateDir()
    const argv = ['--base-url', simulator.baseUrl, '--json', '--state-dir', stateDir, caseId]
    // stdout breaks (a closed pipe, a full disk) exactly when the completed line is written.
    const broken = createMemoryIo(env)
    const write = broken.io.stdout.write.bind(broken.io.stdout)
    broken.io.stdout.write = ((chunk: string) => {
      if (chunk.includes('"state":"completed"')) throw new Error('EPIPE')
      return write(chunk)
    }) as typeof broken.io.stdout.write
    await runWatchCommand(argv, broken.io)
    expect(broken.stdout()).not.toContain('"state":"completed"')

    const next = await watch(argv)
    expect(next.code).toBe(0)
    expect(next.lines.filter((line) => line.state === 'completed')).toHaveLength(1)
    const after = await watch(argv)
    expect(after.lines.filter((line) => line.state === 'completed')).toHaveLength(0)
  })
})
