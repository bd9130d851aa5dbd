import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { openTestMonitor, startTestSimulator, waitFor, type MonitorHarness } from './monitor-test-kit'

const unknownCase = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
let simulator: Simulator
let harness: MonitorHarness | null = null

afterEach(async () => {
  harness?.monitor.dispose()
  harness = null
  await simulator?.close()
})

describe('case monitor against the simulator', () => {
  it('follows a three-file case live to completion and announces it once, with its risk', async () => {
    simulator = await startTestSimulator({ seed: 7 })
    const { caseId, fileIds } = simulator.control.createCase({ label: 'Claim 42', fileLabels: ['passport.pdf', 'payslip.png', 'bank.pdf'] })
    harness = openTestMonitor(simulator)
    const states = new Set<string>()
    harness.monitor.onChanged(() => states.add(harness!.monitor.view(caseId)!.state))
    harness.monitor.watch([caseId])

    await waitFor(() => harness!.announcements.length === 1, 15_000, 'the completion')
    const view = harness.monitor.view(caseId)!
    expect(view.state).toBe('completed')
    expect(view.label).toBe('Claim 42')
    expect(view.progress).toBe(100)
    expect(view.files.map((file) => file.fileId).sort()).toEqual([...fileIds].sort())
    expect(view.files.map((file) => file.label).sort()).toEqual(['bank.pdf', 'passport.pdf', 'payslip.png'])
    expect(view.files.every((file) => file.status === 'success' || file.status === 'failed')).toBe(true)
    expect(view.risk).not.toBeNull()
    expect(harness.announcements[0]).toMatchObject({ caseId, label: 'Claim 42', fileCount: 3, risk: view.risk })
    expect(states).toContain('live')
    const details = simulator.control.caseDetails(caseId) as { files: { file_id: string; current_risk_score: string | null }[] }
    for (const file of details.files) expect(view.files.find((f) => f.fileId === file.file_id)!.risk).toBe(file.current_risk_score)
  })

  it('marks an unknown case not_found and stops following it', async () => {
    simulator = await startTestSimulator()
    harness = openTestMonitor(simulator)
    harness.monitor.watch([unknownCase])
    await waitFor(() => harness!.monitor.view(unknownCase)!.state === 'not_found', 5_000, 'not_found')
    expect(harness.monitor.view(unknownCase)!.problem?.code).toBe('case_not_found')
    expect(harness.announcements).toEqual([])
  })

  it('pauses every case once when the key is rejected', async () => {
    simulator = await startTestSimulator()
    const first = simulator.control.createCase({ fileLabels: ['a.pdf'] })
    const second = simulator.control.createCase({ fileLabels: ['b.pdf'] })
    harness = openTestMonitor(simulator, { apiKey: 'vdx_wrong_key' })
    let rejections = 0
    harness.monitor.onKeyRejected(() => rejections++)
    harness.monitor.watch([first.caseId, second.caseId])
    await waitFor(() => harness!.monitor.isKeyRejected, 5_000, 'key rejection')
    await waitFor(() => harness!.monitor.views().every((view) => view.state === 'unauthorized'), 2_000, 'unauthorized views')
    expect(rejections).toBe(1)
    expect(harness.monitor.stats().streaming).toBe(0)
  })

  it('sees a completion on the stream and in a list sweep, and announces it once', async () => {
    simulator = await startTestSimulator({ analysisMs: 300 })
    const cases = Array.from({ length: 14 }, (_, i) => simulator.control.createCase({ label: `Case ${i}`, fileLabels: ['x.pdf', 'y.pdf'] }))
    harness = openTestMonitor(simulator)
    harness.monitor.watch(cases.map((c) => c.caseId))
    await waitFor(() => harness!.announcements.length === cases.length, 20_000, 'all completions')
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(harness.announcements.map((a) => a.caseId).sort()).toEqual(cases.map((c) => c.caseId).sort())
    const stats = simulator.control.stats()
    expect(stats.peakStreamsByKey.vdx_simulator).toBeLessThanOrEqual(10)
    expect(stats.tooManyRequests.total).toBe(0)
  })
})
