import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { openTestMonitor, startTestSimulator, tempStateDir, waitFor, type MonitorHarness } from './monitor-test-kit'

let simulator: Simulator | null = null
const open: MonitorHarness[] = []

afterEach(async () => {
  for (const harness of open.splice(0)) harness.monitor.dispose()
  await simulator?.close()
  simulator = null
})

function launch(stateDir: string): MonitorHarness {
  const harness = openTestMonitor(simulator!, { stateDir, apiKey: 'vdx_simulator' })
  open.push(harness)
  return harness
}

function quit(harness: MonitorHarness): void {
  harness.monitor.dispose()
  open.splice(open.indexOf(harness), 1)
}

describe('an unseen completion', () => {
  it('is new until the analyst marks it seen, across a restart', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000 })
    const stateDir = tempStateDir()
    const { caseId } = simulator.control.createCase({ label: 'Unseen claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    const first = launch(stateDir)
    first.monitor.watch([caseId])
    await waitFor(() => first.monitor.view(caseId)?.state === 'live', 5_000, 'live')
    expect(first.monitor.view(caseId)?.isUnseen).toBe(false)
    simulator.control.completeCaseNow(caseId)
    await waitFor(() => first.monitor.view(caseId)?.state === 'completed', 8_000, 'completed')
    expect(first.monitor.view(caseId)?.isUnseen).toBe(true)
    quit(first)

    const second = launch(stateDir)
    expect(second.monitor.view(caseId)).toMatchObject({ state: 'completed', isUnseen: true })
    second.monitor.markSeen([caseId, '019bfb3c-1257-7455-af2e-000000000999'])
    expect(second.monitor.view(caseId)?.isUnseen).toBe(false)
    quit(second)

    const third = launch(stateDir)
    expect(third.monitor.view(caseId)).toMatchObject({ state: 'completed', isUnseen: false })
  })
})

describe('a case deleted in Veridox', () => {
  it('says it was deleted, not that the ID is wrong', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000 })
    const { caseId } = simulator.control.createCase({ label: 'Deleted claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    const monitor = launch(tempStateDir()).monitor
    monitor.watch([caseId])
    await waitFor(() => monitor.view(caseId)?.hasFileList === true, 5_000, 'its files listed')
    simulator.control.deleteCase(caseId)
    await waitFor(() => monitor.view(caseId)?.state === 'not_found', 5_000, 'not found')
    expect(monitor.view(caseId)?.problem?.code).toBe('case_deleted')
  })

  it('still blames the ID for a case Veridox never knew', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000 })
    const caseId = '019bfb3c-1257-7455-af2e-0000000000ab'
    const monitor = launch(tempStateDir()).monitor
    monitor.watch([caseId])
    await waitFor(() => monitor.view(caseId)?.state === 'not_found', 5_000, 'not found')
    expect(monitor.view(caseId)?.problem?.code).toBe('case_not_found')
  })
})
