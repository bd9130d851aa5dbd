import { describe, expect, it } from 'vitest'
import { useMonitorRig, waitFor } from './monitor-test-kit'

interface SimulatorFile {
  file_id: string
  current_risk_score: string | null
  failure_reason: string | null
  uploaded_at: string
}

describe('a file’s detail against the simulator', () => {
  const rig = useMonitorRig()

  it('brings a failed file’s reason and every file’s timeline to the case view', async () => {
    const simulator = await rig.startSimulator({ seed: 5 })
    const { caseId, fileIds } = simulator.control.createCase({
      label: 'Claim with a broken scan',
      fileLabels: ['scan.pdf', 'passport.jpg'],
      outcomes: ['failed', 'success'],
      fileDurationsMs: [600, 900],
    })
    const { monitor, announcements } = rig.openMonitor()
    monitor.watch([caseId])

    await waitFor(() => announcements.length === 1, 15_000, 'the completion')
    const details = simulator.control.caseDetails(caseId) as { files: SimulatorFile[] }
    const wire = (fileId: string) => details.files.find((file) => file.file_id === fileId)!
    const view = monitor.view(caseId)!
    const failed = view.files.find((file) => file.fileId === fileIds[0])!
    expect(failed.status).toBe('failed')
    expect(failed.failureReason).toBe(wire(fileIds[0]!).failure_reason)
    expect(failed.failureReason).toMatch(/\w{4,}/)
    const succeeded = view.files.find((file) => file.fileId === fileIds[1])!
    expect(succeeded.failureReason).toBeNull()
    for (const file of [failed, succeeded]) {
      const { uploadedAt, stages, settledAt } = file.timeline
      expect(uploadedAt).toBe(Date.parse(wire(file.fileId).uploaded_at))
      expect(stages.length).toBeGreaterThan(0)
      const times = [uploadedAt!, ...stages.map((stage) => stage.at), settledAt!]
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(settledAt).toBeLessThanOrEqual(view.completedAt!)
    }
    expect(succeeded.timeline.stages.map((stage) => stage.stage)).toEqual([
      'metadata_analysis',
      'ela',
      'noise_analysis',
      'reverse_search',
      'content_authenticity',
      'context_analysis',
      'full_analysis',
    ])
  })

  it('shows a file’s own risk once that file settles, before the case completes', async () => {
    const simulator = await rig.startSimulator({ seed: 5 })
    const { caseId, fileIds } = simulator.control.createCase({
      fileLabels: ['quick.pdf', 'slow.pdf'],
      outcomes: ['success', 'success'],
      risks: ['high', 'low'],
      fileDurationsMs: [400, 8_000],
    })
    const { monitor } = rig.openMonitor()
    monitor.watch([caseId])

    const quick = () => monitor.view(caseId)?.files.find((file) => file.fileId === fileIds[0])
    await waitFor(() => quick()?.status === 'success', 5_000, 'the quick file to settle')
    await waitFor(() => quick()?.risk === 'high', 3_000, 'its risk')
    expect(monitor.view(caseId)!.state).not.toBe('completed')
    expect(monitor.view(caseId)!.risk).toBe('high')
  })
})
