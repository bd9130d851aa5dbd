import type { FromMain, ToMain } from './protocol'

// The stand-in's one line to the test process: Node's IPC channel of the forked main process.
type Listener = (message: ToMain) => void
const listeners = new Set<Listener>()

process.on('message', (message: ToMain) => {
  for (const listener of listeners) listener(message)
})

export function toTest(message: FromMain): void {
  process.send?.(message)
}

export function onTestMessage(listener: Listener): void {
  listeners.add(listener)
}

/** Answers a request from the test process; a failure becomes `{ error }` so the test sees why. */
export function answer(requestId: number, work: () => unknown): void {
  Promise.resolve()
    .then(work)
    .then(
      (value) => toTest({ kind: 'reply', requestId, value }),
      (error: unknown) => toTest({ kind: 'reply', requestId, value: { error: error instanceof Error ? error.message : String(error) } }),
    )
}

/** Sends what is queued, then ends the process with the code Electron would. */
export function exitAfterFlush(code: number): void {
  if (!process.send) process.exit(code)
  process.send({ kind: 'app-event', name: `exit:${code}` } satisfies FromMain, () => process.exit(code))
}
