import type { MonitorTuning } from '../../src/core/monitor/monitor-tuning'
import type { VeridoxLimits } from '../../src/core/policy/limits'
import { createMemoryDocument } from '../../src/core/persistence/memory-document'
import { startSimulator, type Simulator } from '../../src/simulator'
import { budgetedRequests, loadAverage1m, openBenchMonitor, round, sleep, waitUntil, type BudgetedRoute } from './budget-kit'

export interface IdleOptions {
  cases: number
  /** How long the budget is counted, in each of the two runs. */
  windowMs: number
  heartbeatMs: number
  tuning: Partial<MonitorTuning>
  limits: VeridoxLimits
}

export interface IdleFigures {
  idleRequestsPerMin: number
  idleBudgetSharePercent: number
  idleListPerMin: number
  idleGetPerMin: number
  idlePollPerHour: number
  idleWindowMin: number
  idleCases: number
  /** Requests from the restart until every restored case was confirmed by Veridox once. */
  idleStartupRequests: number
  idleStartupS: number
  /** The same count from the restart on, start-up included: what the window costs as a whole. */
  idleRequestsPerMinWithStartup: number
  /** A fresh start on the same cases, none looked at yet: first looks (GET) and sweeps of cases of unknown state. */
  idleFreshRequestsPerMin: number
  idleFreshBudgetSharePercent: number
  idleFreshListPerMin: number
  idleFreshGetPerMin: number
  idleLoadAverage: number
}

type Counts = Record<BudgetedRoute, number>
const sum = (counts: Counts): number => counts.list + counts.get + counts.poll
const since = (before: Counts, after: Counts): Counts => ({
  list: after.list - before.list,
  get: after.get - before.get,
  poll: after.poll - before.poll,
})

/** Requests a minute, and the largest share of any one documented limit they take. */
function rates(counts: Counts, minutes: number, limits: VeridoxLimits) {
  const perMin = { list: counts.list / minutes, get: counts.get / minutes, poll: counts.poll / minutes }
  const shares = [perMin.list / limits.listPerMin, perMin.get / limits.getPerMin, (perMin.poll * 60) / limits.pollsPerHour]
  return { ...perMin, total: perMin.list + perMin.get + perMin.poll, sharePercent: Math.max(...shares) * 100 }
}

async function countOver(simulator: Simulator, windowMs: number): Promise<{ counts: Counts; minutes: number }> {
  const before = budgetedRequests(simulator)
  const started = Date.now()
  await sleep(windowMs)
  return { counts: since(before, budgetedRequests(simulator)), minutes: (Date.now() - started) / 60_000 }
}

/**
 * 500 watched cases whose files wait for upload, so nothing changes. Fresh: the monitor starts on them
 * with nothing known and is counted from the start. Restarted: it restarts on the watch list a run
 * that looked at every case saved (as the app does every morning), confirms every case once, and
 * is counted from then. Requests are counted at the simulator.
 */
export async function runIdle(options: IdleOptions): Promise<IdleFigures> {
  // No simulator limits: the run that looks at every case does it at once; the measured runs keep to the documented limits themselves.
  const simulator = await startSimulator({ heartbeatMs: options.heartbeatMs, retryMs: 1_000, demoCases: 0, seed: 7, limits: false })
  try {
    const caseIds = Array.from(
      { length: options.cases },
      (_, index) =>
        simulator.control.createCase({ label: `Waiting ${index}`, fileLabels: ['id.pdf', 'payslip.pdf'], upload: false }).caseId,
    )
    const fresh = openBenchMonitor(simulator, { limits: options.limits, tuning: options.tuning })
    fresh.watch(caseIds)
    const freshWindow = await countOver(simulator, options.windowMs)
    fresh.dispose()
    const freshRates = rates(freshWindow.counts, freshWindow.minutes, options.limits)

    const storage = { watchList: createMemoryDocument(), ledger: createMemoryDocument() }
    const lookingRun = openBenchMonitor(simulator, { limits: { ...options.limits, listPerMin: 100_000, getPerMin: 100_000 }, storage })
    lookingRun.watch(caseIds)
    const isLookedAt = await waitUntil(() => lookingRun.views().every((view) => view.hasFileList), 60_000)
    lookingRun.dispose()
    if (!isLookedAt) throw new Error('the first run did not look at every case within a minute')
    // That run's requests are not the measured run's: its saved budget would hold the measured run back.
    const { budget: _lookingRunBudget, ...saved } = storage.watchList.read() as Record<string, unknown>
    storage.watchList.write(saved)

    const atStart = budgetedRequests(simulator)
    const started = Date.now()
    const monitor = openBenchMonitor(simulator, { limits: options.limits, tuning: options.tuning, storage })
    try {
      await waitUntil(() => monitor.views().every((view) => !view.isStale), 120_000)
      const startupS = (Date.now() - started) / 1000
      const startup = since(atStart, budgetedRequests(simulator))
      const restarted = await countOver(simulator, options.windowMs)
      const restartedRates = rates(restarted.counts, restarted.minutes, options.limits)
      return {
        idleRequestsPerMin: round(restartedRates.total, 1),
        idleBudgetSharePercent: round(restartedRates.sharePercent, 1),
        idleListPerMin: round(restartedRates.list, 1),
        idleGetPerMin: round(restartedRates.get, 1),
        idlePollPerHour: round(restartedRates.poll * 60, 1),
        idleWindowMin: round(restarted.minutes),
        idleCases: options.cases,
        idleStartupRequests: sum(startup),
        idleStartupS: round(startupS, 1),
        idleRequestsPerMinWithStartup: round((sum(startup) + sum(restarted.counts)) / ((Date.now() - started) / 60_000), 1),
        idleFreshRequestsPerMin: round(freshRates.total, 1),
        idleFreshBudgetSharePercent: round(freshRates.sharePercent, 1),
        idleFreshListPerMin: round(freshRates.list, 1),
        idleFreshGetPerMin: round(freshRates.get, 1),
        idleLoadAverage: loadAverage1m(),
      }
    } finally {
      monitor.dispose()
    }
  } finally {
    await simulator.close()
  }
}
