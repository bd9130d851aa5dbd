import type { MonitorTuning } from '../monitor/monitor-context'
import { requestWindows, type VeridoxLimits } from './limits'

/**
 * The longest a completion of a case without a live stream can go unannounced while Veridox is
 * reachable, derived from the documented limits (see docs/reliability.md):
 *
 *   check   = max(sweepInterval, pages × 60 s / listBudget)   for a case within the newest pages × 100
 *   check   = max(sweepInterval, deep × 60 s / routineGets)   for `deep` cases beyond the sweep
 *   bound   = check + finalizeTimeout
 *
 * listBudget is the app's share of "list 30/min"; routineGets the part of "get 60/min" that routine
 * checks may use (the rest is kept for completions and gaps).
 */
export function completionBoundMs(options: { tuning: MonitorTuning; limits: VeridoxLimits; pages?: number; deepCases?: number }): number {
  const windows = requestWindows(options.limits)
  const { tuning } = options
  const listCheck = ((options.pages ?? 1) * 60_000) / windows.list.count
  const routineGetsPerMinute = Math.floor(windows.get.count * 0.7)
  const deepCheck = ((options.deepCases ?? 0) * 60_000) / routineGetsPerMinute
  return Math.ceil(Math.max(tuning.sweepIntervalMs, listCheck, deepCheck) + tuning.finalizeTimeoutMs)
}
