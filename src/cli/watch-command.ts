import { isTerminalState } from '../shared/case-rules'
import type { CaseView } from '../shared/case-view'
import { apiKeyFault, apiKeyFaultWords } from '../shared/credential-rules'
import { openMonitor, type CaseMonitor } from '../core/monitor/case-monitor'
import { openConfDocument } from '../core/persistence/conf-document'
import { systemClock } from '../core/runtime/clock'
import { createConsoleLog } from '../core/runtime/log'
import { createVeridoxClient } from '../core/veridox/veridox-client'
import { caseLine, caseRecord } from './case-line'
import { UsageError, type CliIo } from './cli-io'
import { parseWatchArgs, type WatchArgs } from './watch-args'

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
  const document = (directory: string, name: string) => openConfDocument({ directory, name, log, now: clock.now })
  const monitor = openMonitor({
    client: createVeridoxClient({ baseUrl: args.baseUrl, credential: { kind: 'api_key', secret: apiKey }, fetch, now: clock.now }),
    clock,
    log,
    storage: args.stateDir
      ? { watchList: document(args.stateDir, 'watch-list'), ledger: document(args.stateDir, 'completion-ledger') }
      : null,
    limits: args.limits,
  })
  try {
    return await followUntilDone(monitor, args, io)
  } finally {
    monitor.dispose()
  }
}

function followUntilDone(monitor: CaseMonitor, args: WatchArgs, io: CliIo): Promise<number> {
  const printed = new Map<string, string>()
  const reported = new Set<string>()
  const isTerminalTty = !args.isJson && io.stdout.isTTY === true
  let drawnLines = 0

  const write = (line: string): void => void io.stdout.write(`${line}\n`)

  function print(view: CaseView): void {
    if (args.isJson) {
      const line = JSON.stringify(caseRecord(view))
      if (printed.get(view.caseId) === line) return
      printed.set(view.caseId, line)
      write(JSON.stringify({ ...caseRecord(view), at: new Date().toISOString() }))
    } else if (isTerminalTty) {
      redraw()
    } else {
      const line = caseLine(view, Date.now())
        .replace(/[█░]+/, '')
        .replace(/\s{2,}/g, '  ')
      if (printed.get(view.caseId) !== view.state) write(line)
      printed.set(view.caseId, view.state)
    }
  }

  function redraw(): void {
    const lines = args.caseIds
      .map((caseId) => monitor.view(caseId))
      .filter((view) => view !== null)
      .map((view) => caseLine(view, Date.now()))
    io.stdout.write(`${drawnLines > 0 ? `\x1b[${drawnLines}F` : ''}${lines.map((line) => `\x1b[2K${line}`).join('\n')}\n`)
    drawnLines = lines.length
  }

  return new Promise<number>((resolve) => {
    const stops: (() => void)[] = []
    const finish = (code: number): void => {
      stops.forEach((stop) => stop())
      if (isTerminalTty) redraw()
      resolve(code)
    }
    // Announced in an earlier run that ended before its line was printed: printed once, when the case shows completed.
    const unprinted = new Set(monitor.pendingAnnouncements().map((announcement) => announcement.caseId))
    const reportCompletion = (caseId: string): void => {
      reported.add(caseId)
      print(monitor.view(caseId)!)
      monitor.acknowledge(caseId)
    }
    // Known to the ledger from an earlier run, whether the case was restored completed or completed again now.
    const reportCompletedEarlier = (caseId: string): void => {
      if (reported.has(caseId)) return
      reported.add(caseId)
      io.stderr.write(`Case ${caseId} completed earlier; its completion was already reported (state in ${args.stateDir}).\n`)
    }
    const checkDone = (): void => {
      const views = args.caseIds.map((caseId) => monitor.view(caseId)!)
      if (!views.every((view) => isTerminalState(view.state))) return
      finish(views.every((view) => view.state === 'completed') ? 0 : 1)
    }

    stops.push(
      // The completed line rests on the ledger: printed when announced, so never twice, even across runs with --state-dir.
      monitor.onAnnounced((announcement) => {
        if (!args.caseIds.includes(announcement.caseId)) return
        reportCompletion(announcement.caseId)
        checkDone()
      }),
      monitor.onChanged((caseId) => {
        const view = monitor.view(caseId)
        if (!view || !args.caseIds.includes(caseId)) return
        if (view.state === 'completed') {
          // Announced by an earlier run that ended before printing it, or known to the ledger already.
          if (unprinted.delete(caseId)) reportCompletion(caseId)
          else reportCompletedEarlier(caseId)
          return checkDone()
        }
        print(view)
        if (view.state === 'not_found') io.stderr.write(`Veridox has no case ${caseId}, or it belongs to another organisation.\n`)
        if (view.state === 'failed')
          io.stderr.write(
            `Case ${caseId} could not be followed: ${view.problem?.message ?? 'Veridox answered in a way this tool cannot read.'}\n`,
          )
        checkDone()
      }),
      monitor.onKeyRejected(() => {
        io.stderr.write(`Veridox at ${new URL(args.baseUrl).host} rejected the API key in VERIDOX_API_KEY.\n`)
        finish(1)
      }),
    )
    const abort = (): void => finish(130)
    io.signal.addEventListener('abort', abort, { once: true })
    stops.push(() => io.signal.removeEventListener('abort', abort))

    monitor.watch(args.caseIds)
    for (const caseId of args.caseIds) {
      const view = monitor.view(caseId)!
      if (view.state === 'completed' && unprinted.delete(caseId)) {
        reportCompletion(caseId)
      } else if (view.state === 'completed') {
        reportCompletedEarlier(caseId)
      } else {
        print(view)
      }
    }
    checkDone()
  })
}
