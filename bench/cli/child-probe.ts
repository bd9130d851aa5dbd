import { spawn, type ChildProcess } from 'node:child_process'
import { openSync, closeSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'

/** What bench/cli/cpu-probe.mjs reports from inside a child: its own CPU time at a mark. */
export interface ProbeReport {
  mark: 'baseline' | 'done' | 'error'
  cpuUs: number
  at: number
  events?: number
  lines?: number
}

export interface ProbedChild {
  child: ChildProcess
  /** The next report with this mark (a probe that reports `error` instead rejects). */
  next(mark: ProbeReport['mark'], timeoutMs: number): Promise<ProbeReport>
  /** User + system CPU so far, from /proc (clock ticks of 10 ms): for telling when the child has gone quiet. */
  procCpuMs(): number
  stderr(): string
  stop(): Promise<void>
}

const clockTickMs = 10

/** Starts a child with stdout to /dev/null and the probe's pipe on file descriptor 3. */
export function spawnProbed(args: string[], env: NodeJS.ProcessEnv): ProbedChild {
  const devNull = openSync('/dev/null', 'w')
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', devNull, 'pipe', 'pipe'] })
  closeSync(devNull)
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const reports: ProbeReport[] = []
  const waiters: (() => void)[] = []
  createInterface({ input: child.stdio[3] as Readable }).on('line', (line) => {
    reports.push(JSON.parse(line) as ProbeReport)
    waiters.splice(0).forEach((wake) => wake())
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', () => waiters.splice(0).forEach((wake) => wake()))

  return {
    child,
    next(mark, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${mark}" report in ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs)
        const check = (): void => {
          const index = reports.findIndex((report) => report.mark === mark || report.mark === 'error')
          if (index >= 0) {
            clearTimeout(timer)
            const [report] = reports.splice(index, 1)
            if (report!.mark === 'error') reject(new Error(`the child reported an error; stderr: ${stderr}`))
            else resolve(report!)
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer)
            reject(new Error(`the child exited (${child.exitCode ?? child.signalCode}) before "${mark}"; stderr: ${stderr}`))
          } else {
            waiters.push(check)
          }
        }
        check()
      })
    },
    procCpuMs() {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return (Number(fields[11]) + Number(fields[12])) * clockTickMs
    },
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT')
        child.kill('SIGINT')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
    },
  }
}

/** Waits until the child used at most `quietMs` of CPU in a `windowMs` window (start-up and first sweeps are over). */
export async function waitUntilQuiet(probed: ProbedChild, options: { windowMs: number; quietMs: number; timeoutMs: number }) {
  const deadline = Date.now() + options.timeoutMs
  let previous = probed.procCpuMs()
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, options.windowMs))
    const now = probed.procCpuMs()
    if (now - previous <= options.quietMs) return
    previous = now
  }
  throw new Error(`the child did not go quiet in ${options.timeoutMs} ms`)
}
