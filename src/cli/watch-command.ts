import { apiKeyFault, apiKeyFaultWords } from '../shared/credential-rules'
import { openMonitor } from '../core/monitor/case-monitor'
import type { MonitorStorage } from '../core/monitor/case-monitor-types'
import { systemClock } from '../core/runtime/clock'
import { createConsoleLog, type Log } from '../core/runtime/log'
import { createVeridoxClient } from '../core/veridox/veridox-client'
import { UsageError, type CliIo } from './cli-io'
import { followUntilDone } from './follow-cases'
import { parseWatchArgs } from './watch-args'

export async function runWatchCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseWatchArgs(argv)
  const apiKey = io.env.VERIDOX_API_KEY?.trim()
  if (!apiKey) throw new UsageError('Set VERIDOX_API_KEY to your Veridox API key; it is read only from the environment, never from a flag.')
  const keyFault = apiKeyFault(apiKey)
  // The key itself is never quoted: it would reach the terminal, and from there logs and screen shares.
  if (keyFault) throw new UsageError(`VERIDOX_API_KEY does not hold a usable API key: ${apiKeyFaultWords[keyFault]}.`)
  // Problems a user must act on are printed as sentences; the log is for diagnosing (CASE_MONITOR_LOG=info|debug).
  const logLevel = io.env.CASE_MONITOR_LOG === 'debug' || io.env.CASE_MONITOR_LOG === 'info' ? io.env.CASE_MONITOR_LOG : 'error'
  const log = createConsoleLog(logLevel, (line) => io.stderr.write(`${line}\n`))
  const clock = systemClock
  const monitor = openMonitor({
    client: createVeridoxClient({ baseUrl: args.baseUrl, credential: { kind: 'api_key', secret: apiKey }, fetch, now: clock.now }),
    clock,
    log,
    storage: args.stateDir ? await openStateDir(args.stateDir, log, clock.now) : null,
    limits: args.limits,
  })
  try {
    return await followUntilDone(monitor, args, io)
  } finally {
    monitor.dispose()
  }
}

async function openStateDir(directory: string, log: Log, now: () => number): Promise<MonitorStorage> {
  // conf (with its schema validator) is loaded only when state is kept on disk.
  const { openConfDocument } = await import('../core/persistence/conf-document')
  const document = (name: string) => openConfDocument({ directory, name, log, now })
  return { watchList: document('watch-list'), ledger: document('completion-ledger') }
}
