import type { MonitorTuning } from '../monitor/monitor-tuning'
import { requestWindows, type VeridoxLimits } from './limits'
import { reservedShare } from './request-priority'

/** The reconciler's tick and the finaliser's housekeeping tick: how late a due action can start. */
const timerGranularityMs = 1_500

/**
 * The longest a completion of a case without a live stream can go unannounced while Veridox is
 * reachable, derived from the documented limits (see docs/reliability.md):
 *
 *   check = sweepInterval + pages × 60 s / listBudget   for a case within the newest pages × 100
 *   check = sweepInterval + deep × 60 s / routineGets   for `deep` cases beyond the sweep
 *   bound = check + finalizeTimeout + timer granularity
 *
 * A case is due sweepInterval after it was last confirmed; a sweep then pages down to it at the paced
 * list rate. listBudget is the app's share of "list 30/min"; routineGets the part of "get 60/min" that
 * routine checks may use (the rest is kept for completions and gaps). For a quiet case (every file
 * waiting for upload, off screen, not pinned: policy/check-cadence.ts) quietCheckInterval takes the
 * place of sweepInterval: it may be uploaded and analysed between two checks.
 */
export function completionBoundMs(options: {
  tuning: MonitorTuning
  limits: VeridoxLimits
  pages?: number
  deepCases?: number
  isQuiet?: boolean
}): number {
  const windows = requestWindows(options.limits)
  const { tuning } = options
  const listPaging = ((options.pages ?? 1) * 60_000) / windows.list.count
  const routineGetsPerMinute = Math.floor(windows.get.count * (1 - reservedShare.routine))
  const deepChecking = ((options.deepCases ?? 0) * 60_000) / routineGetsPerMinute
  const checkInterval = options.isQuiet ? Math.max(tuning.sweepIntervalMs, tuning.quietCheckIntervalMs) : tuning.sweepIntervalMs
  return Math.ceil(checkInterval + Math.max(listPaging, deepChecking) + tuning.finalizeTimeoutMs + timerGranularityMs)
}
