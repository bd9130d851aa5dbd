import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** What the kernel says a process holds and has spent: resident memory and CPU time (user + system). */
export interface ProcSample {
  atMs: number
  rssMB: number
  cpuMs: number
}

let ticksPerSecond: number | null = null

function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  return ticksPerSecond
}

/** VmRSS from /proc/<pid>/status (kB). */
export function parseRssMB(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!match) throw new Error('no VmRSS line in /proc/<pid>/status')
  return Number(match[1]) / 1024
}

/** utime + stime from /proc/<pid>/stat, in clock ticks: fields 14 and 15, counted after the ")" that ends the name. */
export function parseCpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After the name, field 3 (state) is index 0, so field 14 (utime) is index 11 and 15 (stime) index 12.
  return Number(fields[11]) + Number(fields[12])
}

export function sampleProcess(pid: number): ProcSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return { atMs: Date.now(), rssMB: parseRssMB(status), cpuMs: (parseCpuTicks(stat) * 1000) / clockTicksPerSecond() }
}
