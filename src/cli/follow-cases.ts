import { isTerminalState } from '../shared/case-rules'
import type { CaseView } from '../shared/case-view'
import type { CaseMonitor } from '../core/monitor/case-monitor'
import { caseLine, caseRecord, isSameRecord } from './case-line'
import type { CliIo } from './cli-io'
import type { WatchArgs } from './watch-args'

/** What following cases from a terminal needs of the monitor. */
export type FollowedMonitor = Pick<
  CaseMonitor,
  'watch' | 'view' | 'onChanged' | 'onAnnounced' | 'onKeyRejected' | 'pendingAnnouncements' | 'acknowledge'
>

/** Prints every change of the watched cases until each has ended; resolves with the exit status. */
export function followUntilDone(monitor: FollowedMonitor, args: WatchArgs, io: CliIo): Promise<number> {
  const printed = new Map<string, string>()
  const printedViews = new Map<string, CaseView>()
  const reported = new Set<string>()
  const watched = new Set(args.caseIds)
  const endings = createEndings(watched.size)
  const isTerminalTty = !args.isJson && io.stdout.isTTY === true
  let drawnLines = 0

  const write = (line: string): void => void io.stdout.write(`${line}\n`)

  function print(view: CaseView): void {
    if (args.isJson) {
      const previous = printedViews.get(view.caseId)
      if (previous && isSameRecord(previous, view)) return
      printedViews.set(view.caseId, view)
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
      const view = monitor.view(caseId)!
      endings.note(view)
      print(view)
      monitor.acknowledge(caseId)
    }
    // Known to the ledger from an earlier run, whether the case was restored completed or completed again now.
    const reportCompletedEarlier = (caseId: string): void => {
      if (reported.has(caseId)) return
      reported.add(caseId)
      io.stderr.write(`Case ${caseId} completed earlier; its completion was already reported (state in ${args.stateDir}).\n`)
    }
    const checkDone = (): void => {
      const code = endings.exitCode()
      if (code !== null) finish(code)
    }

    stops.push(
      // The completed line rests on the ledger: printed when announced, so never twice, even across runs with --state-dir.
      monitor.onAnnounced((announcement) => {
        if (!watched.has(announcement.caseId)) return
        reportCompletion(announcement.caseId)
        checkDone()
      }),
      monitor.onChanged((caseId) => {
        if (!watched.has(caseId)) return
        const view = monitor.view(caseId)
        if (!view) return
        endings.note(view)
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
      endings.note(view)
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

/** Which watched cases have ended, and whether each completed: kept as changes arrive, so no change looks at every case. */
function createEndings(watchedCount: number) {
  const hasCompleted = new Map<string, boolean>()
  let endedOtherwise = 0
  return {
    note(view: CaseView): void {
      if (hasCompleted.get(view.caseId) === false) endedOtherwise -= 1
      hasCompleted.delete(view.caseId)
      if (!isTerminalState(view.state)) return
      hasCompleted.set(view.caseId, view.state === 'completed')
      if (view.state !== 'completed') endedOtherwise += 1
    },
    /** Null while a case is still followed; then 0 when every case completed, 1 when one ended otherwise. */
    exitCode(): number | null {
      if (hasCompleted.size < watchedCount) return null
      return endedOtherwise === 0 ? 0 : 1
    },
  }
}
