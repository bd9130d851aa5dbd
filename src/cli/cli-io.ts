import { AppError } from '../shared/errors'

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

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>

// node:util parseArgs rejects unknown options and missing values with TypeErrors coded ERR_PARSE_ARGS_*.
const isUsageError = (error: unknown): boolean =>
  error instanceof UsageError ||
  (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))

// Only text this tool wrote reaches the terminal: a library's message can quote a header value, the
// key included (undici does). Of a library's error only an errno-style code is shown.
function sentenceFor(error: unknown): string {
  if (error instanceof UsageError || error instanceof AppError || isUsageError(error)) return (error as Error).message
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  return `stopped by an unexpected problem${typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,31}$/.test(code) ? ` (${code})` : ''}.`
}

/**
 * One command line to an exit status: usage on stdout for help (0) or no command (2); any error as one
 * sentence on stderr, 2 for a usage problem and 1 for anything else.
 */
export async function runCommandLine(
  argv: string[],
  io: CliIo,
  program: { commands: Record<string, CliCommand>; usage: string },
): Promise<number> {
  const [name, ...rest] = argv
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(`${program.usage}\n`)
      return name === undefined ? 2 : 0
    }
    const command = Object.hasOwn(program.commands, name) ? program.commands[name] : undefined
    if (!command) {
      const names = Object.keys(program.commands).map((known) => `"${known}"`)
      throw new UsageError(`Unknown command "${name}". Use ${names.join(' or ')}.`)
    }
    return await command(rest, io)
  } catch (error) {
    io.stderr.write(`case-monitor: ${sentenceFor(error)}\n`)
    return isUsageError(error) ? 2 : 1
  }
}
