import { runSimulatorCommand } from './simulator-command'
import { UsageError, type CliIo } from './cli-io'
import { watchUsage } from './watch-args'
import { runWatchCommand } from './watch-command'

const usage = `Case Monitor — follow Veridox document-analysis cases from a terminal.

  case-monitor watch [--base-url URL] [--json] [--state-dir DIR] CASE_ID…
  case-monitor simulator [--port N] [--api-key KEY]… [--seed N] [--analysis-ms MS] [--demo N] …

${watchUsage}
Run "case-monitor simulator --help" for the simulator's options.`

async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'watch':
      return runWatchCommand(rest, io)
    case 'simulator':
      return runSimulatorCommand(rest, { stdout: io.stdout, stderr: io.stderr, signal: io.signal })
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(`${usage}\n`)
      return command === undefined ? 2 : 0
    default:
      throw new UsageError(`Unknown command "${command}". Use "watch" or "simulator".`)
  }
}

const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort())

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal })
  .then((code) => {
    process.exitCode = code
  })
  .catch((error: unknown) => {
    const isUsage =
      error instanceof UsageError ||
      (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    process.stderr.write(`case-monitor: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = isUsage ? 2 : 1
  })
  .finally(() => {
    // Streams and timers are disposed by then; nothing should keep the process alive.
    setTimeout(() => process.exit(), 50).unref()
  })
