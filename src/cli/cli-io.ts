export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
  signal: AbortSignal
}

/** A usage problem: one sentence on stderr and exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
