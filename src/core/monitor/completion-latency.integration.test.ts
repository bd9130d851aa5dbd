import { describe, expect, it } from 'vitest'
import { testLimits, useMonitorRig, waitFor } from './monitor-test-kit'

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

  it('keeps its stream from the last file’s completion to the case’s, though another case in analysis waits for the slot', async () => {
    const simulator = await rig.startSimulator()
    const waitingForSlot = simulator.control.createCase({ label: 'Long', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] }).caseId
    const streamed = simulator.control.createCase({
      label: 'Short',
      fileLabels: ['a.pdf'],
      fileDurationsMs: [1_500],
      outcomes: ['success'],
    })
    // One file's events: its start, two per stage of seven, its completion. The case's own completion is then held back,
    // as a busy network or a slow reader splits them: the monitor acts on the first before the second arrives.
    simulator.control.addFaults({ faults: [{ kind: 'stall-stream', stallMs: 300, afterEvents: 16, caseIds: [streamed.caseId], count: 1 }] })
    const { monitor } = rig.openMonitor({ limits: { ...testLimits, streamsPerKey: 1 } })
    const followedUntilCompleted: (string | null)[] = []
    monitor.onChanged((caseId) => {
      const view = monitor.view(caseId)!
      if (caseId === streamed.caseId && view.completedAt === null) followedUntilCompleted.push(view.followedBy)
    })
    // Watched first, it takes the one slot; the other, in analysis too, then waits for it (stream-slots.ts).
    monitor.watch([streamed.caseId])
    await waitFor(() => monitor.view(streamed.caseId)?.followedBy === 'stream', 5_000, 'its stream')
    monitor.watch([waitingForSlot])
    await waitFor(() => monitor.view(waitingForSlot)?.hasFileList === true, 5_000, 'a first look at the other case')
    await waitFor(() => monitor.view(streamed.caseId)?.completedAt != null, 10_000, 'the completion')

    const sinceItsStream = followedUntilCompleted.slice(followedUntilCompleted.indexOf('stream'))
    expect(sinceItsStream.length).toBeGreaterThan(1)
    expect(sinceItsStream.every((followedBy) => followedBy === 'stream')).toBe(true)
  }, 20_000)
})
