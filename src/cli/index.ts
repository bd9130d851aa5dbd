import { runCommandLine, type CliCommand } from './cli-io'
import { watchUsage } from './watch-args'

const usage = `Case Monitor — follow Veridox document-analysis cases from a terminal.

  case-monitor watch [--base-url URL] [--json] [--state-dir DIR] CASE_ID…
  case-monitor simulator [--port N] [--api-key KEY]… [--seed N] [--analysis-ms MS] [--demo N] …

${watchUsage}
Run "case-monitor simulator --help" for the simulator's options.`

// Each command's code is loaded when it runs: `watch` never loads the simulator, and `--help` neither.
const runWatchCommand: CliCommand = async (argv, io) => (await import('./watch-command')).runWatchCommand(argv, io)
const runSimulatorCommand: CliCommand = async (argv, io) => (await import('./simulator-command')).runSimulatorCommand(argv, io)

const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort())

runCommandLine(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal },
  { commands: { watch: runWatchCommand, simulator: runSimulatorCommand }, usage },
)
  .then((code) => {
    process.exitCode = code
  })
  .finally(() => {
    // Streams and timers are disposed by then; nothing should keep the process alive.
    setTimeout(() => process.exit(), 50).unref()
  })
