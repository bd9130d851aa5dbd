import { describe, expect, it } from 'vitest'
import { useMonitorRig, waitFor } from './monitor-test-kit'

const rig = useMonitorRig()

const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!

describe('a completion seen on a stream', () => {
  it('is announced at once and with its risk, with more cases than stream slots', async () => {
    const simulator = await rig.startSimulator()
    const cases = Array.from(
      { length: 40 },
      (_, i) =>
        simulator.control.createCase({
          label: `Claim ${i}`,
          fileLabels: ['a.pdf', 'b.pdf'],
          fileDurationsMs: [2_000 + i * 600, 2_500 + i * 600],
        }).caseId,
    )
    // The production wait for final risks: a completion must not sit it out.
    const harness = rig.openMonitor({ tuning: { finalizeTimeoutMs: 15_000 } })
    const { monitor } = harness
    const lastFollowedBy = new Map<string, string | null>()
    const streamedAtCompletion = new Set<string>()
    monitor.onChanged((caseId) => {
      const view = monitor.view(caseId)!
      // How the case was followed when Veridox said it completed (the stream closes right after).
      if (view.completedAt === null) lastFollowedBy.set(caseId, view.followedBy)
    })
    const announcedAt = new Map<string, number>()
    monitor.onAnnounced(({ caseId }) => {
      announcedAt.set(caseId, Date.now())
      if (lastFollowedBy.get(caseId) === 'stream') streamedAtCompletion.add(caseId)
    })
    monitor.watch(cases)
    await waitFor(() => announcedAt.size === cases.length, 60_000, 'every completion')

    const latencies = [...streamedAtCompletion].map((caseId) => {
      const details = simulator.control.caseDetails(caseId) as { file_analysis_completed_at: string }
      return announcedAt.get(caseId)! - Date.parse(details.file_analysis_completed_at)
    })
    expect(streamedAtCompletion.size).toBeGreaterThanOrEqual(10)
    expect(percentile(latencies, 95)).toBeLessThanOrEqual(1_000)
    for (const announcement of harness.announcements) {
      // Every announcement carries its risk, unless no file could be analysed at all.
      if (announcement.failedFileCount < announcement.fileCount) expect(announcement.risk).not.toBeNull()
    }
    expect(simulator.control.stats().tooManyRequests.total).toBe(0)
  }, 90_000)
})
