import { Writable } from 'node:stream'
import type { CliIo } from '../cli-io'

export interface MemoryIo {
  io: CliIo
  stdout(): string
  stderr(): string
  abort(): void
}

function collector(): { stream: Writable; text(): string } {
  let text = ''
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString()
      done()
    },
  })
  return { stream, text: () => text }
}

/** A CliIo that keeps its output in memory, for running a command in the test's own process. */
export function createMemoryIo(env: NodeJS.ProcessEnv = {}): MemoryIo {
  const stdout = collector()
  const stderr = collector()
  const controller = new AbortController()
  return {
    io: { stdout: stdout.stream, stderr: stderr.stream, env, signal: controller.signal },
    stdout: stdout.text,
    stderr: stderr.text,
    abort: () => controller.abort(),
  }
}
