import { loadavg } from 'node:os'
import { openMonitor, type CaseMonitor } from '../../src/core/monitor/case-monitor'
import type { MonitorStorage } from '../../src/core/monitor/case-monitor-types'
import type { MonitorTuning } from '../../src/core/monitor/monitor-tuning'
import type { VeridoxLimits } from '../../src/core/policy/limits'
import { systemClock } from '../../src/core/runtime/clock'
import { silentLog } from '../../src/core/runtime/log'
import { createVeridoxClient } from '../../src/core/veridox/veridox-client'
import type { Simulator } from '../../src/simulator'

/** The monitor as the CLI composes it (watch-command.ts): the real client over loopback, the system clock. */
export function openBenchMonitor(
  simulator: Simulator,
  options: { limits: VeridoxLimits; tuning?: Partial<MonitorTuning>; storage?: MonitorStorage | null },
): CaseMonitor {
  return openMonitor({
    client: createVeridoxClient({ baseUrl: simulator.baseUrl, credential: { kind: 'api_key', secret: 'vdx_simulator' }, fetch }),
    clock: systemClock,
    log: silentLog,
    storage: options.storage ?? null,
    limits: options.limits,
    tuning: options.tuning,
  })
}

export type BudgetedRoute = 'list' | 'get' | 'poll'

/** Budgeted requests the simulator answered so far, by route (streams are not budgeted: only their number at once is). */
export function budgetedRequests(simulator: Simulator): Record<BudgetedRoute, number> {
  const byRoute = simulator.control.stats().requestsByRoute
  return { list: byRoute.list ?? 0, get: byRoute.get ?? 0, poll: byRoute.poll ?? 0 }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits

export const loadAverage1m = (): number => round(loadavg()[0]!)

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) return false
    await sleep(50)
  }
  return true
}
