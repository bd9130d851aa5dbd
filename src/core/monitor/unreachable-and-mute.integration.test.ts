import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import type { UnreachableCase } from './case-monitor'
import { openTestMonitor, sleep, startTestSimulator, tempStateDir, waitFor, type MonitorHarness } from './monitor-test-kit'

let simulator: Simulator | null = null
const open: MonitorHarness[] = []

afterEach(async () => {
  for (const harness of open.splice(0)) harness.monitor.dispose()
  await simulator?.close()
  simulator = null
})

function launch(stateDir: string, apiKey = 'vdx_simulator') {
  const harness = openTestMonitor(simulator!, { stateDir, apiKey })
  open.push(harness)
  const unreachable: UnreachableCase[] = []
  harness.monitor.onUnreachable((problem) => unreachable.push(problem))
  return { ...harness, unreachable }
}

function quit(harness: MonitorHarness): void {
  harness.monitor.dispose()
  open.splice(open.indexOf(harness), 1)
}

describe('a case that becomes unreachable is told once per cause', () => {
  it('not found: once, not per retry, not again after a restart', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000 })
    const stateDir = tempStateDir()
    const { caseId } = simulator.control.createCase({ label: 'Vanishing claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    const first = launch(stateDir)
    first.monitor.watch([caseId])
    await waitFor(() => first.monitor.view(caseId)?.state === 'live', 5_000, 'live')
    simulator.control.deleteCase(caseId)
    await waitFor(() => first.monitor.view(caseId)?.state === 'not_found', 5_000, 'not found')
    expect(first.unreachable).toEqual([{ caseId, label: 'Vanishing claim', localLabel: null, cause: 'deleted' }])
    first.monitor.retry(caseId)
    await sleep(200)
    await waitFor(() => first.monitor.view(caseId)?.state === 'not_found', 5_000, 'not found again')
    expect(first.unreachable).toHaveLength(1)
    quit(first)

    const second = launch(stateDir)
    await waitFor(() => second.monitor.view(caseId)?.state === 'not_found', 5_000, 'not found after the restart')
    await sleep(200)
    expect(second.unreachable).toEqual([])
  })

  it('key rejected: once for every case on the key, not again after a restart; again once it worked and was rejected again', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000 })
    const stateDir = tempStateDir()
    const a = simulator.control.createCase({ label: 'Claim A', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    const b = simulator.control.createCase({ label: 'Claim B', fileLabels: ['b.pdf'], fileDurationsMs: [60_000] })
    const first = launch(stateDir)
    first.monitor.watch([a.caseId, b.caseId])
    await waitFor(() => first.monitor.views().every((view) => view.state === 'live'), 5_000, 'live')
    simulator.control.revokeKey('vdx_simulator')
    await waitFor(() => first.unreachable.length === 2, 8_000, 'both told')
    expect(first.unreachable.map((problem) => problem.cause)).toEqual(['key_rejected', 'key_rejected'])
    quit(first)

    const second = launch(stateDir)
    await waitFor(() => second.monitor.isKeyRejected, 5_000, 'the key rejected again')
    await sleep(300)
    expect(second.unreachable).toEqual([])
    quit(second)

    simulator.control.addKey('vdx_simulator')
    const third = launch(stateDir)
    await waitFor(() => third.monitor.views().every((view) => view.state === 'live'), 5_000, 'live with the key back')
    await sleep(200)
    simulator.control.revokeKey('vdx_simulator')
    await waitFor(() => third.unreachable.length === 2, 8_000, 'both told again')
  })
})

describe('a muted case', () => {
  it('says so in its view and stays muted after a restart', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000 })
    const stateDir = tempStateDir()
    const { caseId } = simulator.control.createCase({ label: 'Quiet claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    const first = launch(stateDir)
    first.monitor.watch([caseId])
    expect(first.monitor.view(caseId)?.isMuted).toBe(false)
    expect(first.monitor.setMuted(caseId, true)).toBe(true)
    expect(first.monitor.view(caseId)?.isMuted).toBe(true)
    expect(first.monitor.setMuted('019bfb3c-1257-7455-af2e-0cd3cadab5c7', true)).toBe(false)
    quit(first)
    const second = launch(stateDir)
    expect(second.monitor.view(caseId)?.isMuted).toBe(true)
  })
})

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
