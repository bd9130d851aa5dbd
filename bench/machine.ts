import { spawnSync } from 'node:child_process'
import { cpus, loadavg, totalmem } from 'node:os'

/** What the figures were taken on: they mean little without it (this machine is shared and noisy). */
export interface MachineFacts {
  cpu: string
  cores: number
  memoryGB: number
  node: string
  chromium: string | null
  loadAverageAtStart: number[]
}

export function machineFacts(chromiumPath: string | undefined): MachineFacts {
  const chromium = chromiumPath ? spawnSync(chromiumPath, ['--version'], { encoding: 'utf8', timeout: 10_000 }) : null
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromium?.stdout?.trim() || null,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  }
}
