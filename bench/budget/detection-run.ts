import type { CompletionAnnouncement } from '../../src/core/monitor/case-monitor-types'
import { defaultMonitorTuning, type MonitorTuning } from '../../src/core/monitor/monitor-tuning'
import { completionBoundMs } from '../../src/core/policy/completion-bound'
import type { VeridoxLimits } from '../../src/core/policy/limits'
import { startSimulator } from '../../src/simulator'
import { budgetedRequests, loadAverage1m, openBenchMonitor, percentile, round, waitUntil } from './budget-kit'

export interface DetectionOptions {
  /** Cases analysing during the run, more than the key's stream slots. */
  analysing: number
  /** Watched beside them and never changing (files waiting for upload). */
  idleBeside: number
  /** When the first and the last analysing case complete, from the start. */
  firstCompletionMs: number
  lastCompletionMs: number
  /** How long after the last completion the run waits for the last announcement. */
  graceMs: number
  heartbeatMs: number
  tuning: Partial<MonitorTuning>
  limits: VeridoxLimits
}

export interface DetectionFigures {
  detectStreamedP95S: number
  detectBudgetedP95S: number
  detectBudgetBoundS: number
  rateLimit429: number
  announcementsCarryRisk: boolean
  detectStreamedP50S: number
  detectBudgetedP50S: number
  detectStreamedCases: number
  detectBudgetedCases: number
  detectUnannounced: number
  detectWatched: number
  detectListPerMin: number
  detectGetPerMin: number
  detectPollPerMin: number
  detectLoadAverage: number
}

/**
 * Cases complete on the simulator one after another while the monitor follows them with its real
 * policy (production tuning in full mode): detection is simulator completion → the monitor's announcement,
 * split by how the case was followed when it completed (a live stream, or the budget: listings and polls).
 */
export async function runDetection(options: DetectionOptions): Promise<DetectionFigures> {
  const simulator = await startSimulator({ heartbeatMs: options.heartbeatMs, retryMs: 1_000, demoCases: 0, seed: 12 })
  const idle: string[] = []
  const analysing: string[] = []
  const spanMs = options.lastCompletionMs - options.firstCompletionMs
  // Created interleaved, so the changing cases are spread over every list page the sweeps read.
  const total = options.analysing + options.idleBeside
  for (let index = 0; index < total; index++) {
    const isAnalysing = Math.floor((index * options.analysing) / total) !== Math.floor(((index + 1) * options.analysing) / total)
    if (!isAnalysing) {
      idle.push(simulator.control.createCase({ label: `Waiting ${index}`, fileLabels: ['id.pdf', 'payslip.pdf'], upload: false }).caseId)
      continue
    }
    const doneMs = options.firstCompletionMs + (analysing.length * spanMs) / Math.max(1, options.analysing - 1)
    analysing.push(
      simulator.control.createCase({
        label: `Analysing ${index}`,
        fileLabels: ['id.pdf', 'statement.pdf', 'payslip.pdf'],
        fileDurationsMs: [doneMs, doneMs * 0.8, doneMs * 0.6],
      }).caseId,
    )
  }
  const started = Date.now()
  const requestsBefore = budgetedRequests(simulator)
  const monitor = openBenchMonitor(simulator, { limits: options.limits, tuning: options.tuning })
  try {
    // How each case was followed, with when that changed: at its completion it was streamed or it was not.
    const followedSince = new Map<string, { at: number; followedBy: string | null }[]>()
    monitor.onChanged((caseId) => {
      const followedBy = monitor.view(caseId)?.followedBy ?? null
      const history = followedSince.get(caseId) ?? []
      if (history.at(-1)?.followedBy !== followedBy) history.push({ at: Date.now(), followedBy })
      followedSince.set(caseId, history)
    })
    const followedAt = (caseId: string, at: number): string | null =>
      (followedSince.get(caseId) ?? []).filter((change) => change.at <= at).at(-1)?.followedBy ?? null
    const announced = new Map<string, { at: number; announcement: CompletionAnnouncement }>()
    monitor.onAnnounced((announcement) => announced.set(announcement.caseId, { at: Date.now(), announcement }))
    monitor.watch([...idle, ...analysing])
    await waitUntil(() => analysing.every((caseId) => announced.has(caseId)), options.lastCompletionMs + options.graceMs)
    const elapsedMin = (Date.now() - started) / 60_000

    const streamed: number[] = []
    const budgeted: number[] = []
    for (const caseId of analysing) {
      const seen = announced.get(caseId)
      if (!seen) continue
      const details = simulator.control.caseDetails(caseId) as { file_analysis_completed_at: string }
      const completedAt = Date.parse(details.file_analysis_completed_at)
      ;(followedAt(caseId, completedAt) === 'stream' ? streamed : budgeted).push((seen.at - completedAt) / 1000)
    }
    const announcements = [...announced.values()].map((seen) => seen.announcement)
    const requests = budgetedRequests(simulator)
    const perMin = (route: keyof typeof requests): number => round((requests[route] - requestsBefore[route]) / elapsedMin, 1)
    return {
      detectStreamedP95S: round(percentile(streamed, 95)),
      detectBudgetedP95S: round(percentile(budgeted, 95)),
      detectBudgetBoundS: round(
        completionBoundMs({ tuning: monitorTuningOf(options.tuning), limits: options.limits, pages: Math.ceil(total / 100) }) / 1000,
      ),
      rateLimit429: simulator.control.stats().tooManyRequests.total,
      // A case none of whose files could be analysed has no risk to carry.
      announcementsCarryRisk:
        announcements.length === options.analysing &&
        announcements.every((announcement) => announcement.risk !== null || announcement.failedFileCount === announcement.fileCount),
      detectStreamedP50S: round(percentile(streamed, 50)),
      detectBudgetedP50S: round(percentile(budgeted, 50)),
      detectStreamedCases: streamed.length,
      detectBudgetedCases: budgeted.length,
      detectUnannounced: analysing.filter((caseId) => !announced.has(caseId)).length,
      detectWatched: total,
      detectListPerMin: perMin('list'),
      detectGetPerMin: perMin('get'),
      detectPollPerMin: perMin('poll'),
      detectLoadAverage: loadAverage1m(),
    }
  } finally {
    monitor.dispose()
    await simulator.close()
  }
}

const monitorTuningOf = (tuning: Partial<MonitorTuning>): MonitorTuning => ({ ...defaultMonitorTuning, ...tuning })
