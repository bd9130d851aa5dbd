import { describe, expect, it } from 'vitest'
import { useMonitorRig, waitFor } from './monitor-test-kit'

const rig = useMonitorRig()

describe('the account connection the monitor reports', () => {
  it('is rate-limited until the time Veridox gave in Retry-After, then live again', async () => {
    const simulator = await rig.startSimulator({ analysisMs: 30_000 })
    const cases = Array.from({ length: 14 }, (_, i) => simulator.control.createCase({ label: `Claim ${i}`, fileLabels: ['a.pdf'] }).caseId)
    const { monitor } = rig.openMonitor()
    simulator.control.setFaults({ faults: [{ kind: 'rate-limit', retryAfterSeconds: 2, count: 1, routes: ['list'] }] })
    const startedAt = Date.now()
    monitor.watch(cases)
    await waitFor(() => monitor.connection().state === 'rate_limited', 5_000, 'the connection to say rate-limited')
    const { until } = monitor.connection()
    expect(until).toBeGreaterThanOrEqual(startedAt + 2_000)
    expect(until).toBeLessThan(Date.now() + 2_500)
    await waitFor(() => monitor.connection().state === 'live', 5_000, 'the connection to be live after Retry-After')
    expect(monitor.connection().counts).toMatchObject({ followed: 14, streaming: 10, listed: 4 })
  })

  it('tells each change of what holds for the whole key, and says offline since when', async () => {
    const simulator = await rig.startSimulator({ analysisMs: 30_000 })
    const caseId = simulator.control.createCase({ fileLabels: ['a.pdf'] }).caseId
    const { monitor } = rig.openMonitor()
    let changes = 0
    monitor.onAccountChanged(() => changes++)
    monitor.watch([caseId])
    const watchedAt = Date.now()
    await waitFor(() => monitor.connection().state === 'live' && monitor.connection().counts.streaming === 1, 5_000, 'a live stream')
    // What a row's "updated 2 min ago" counts from: Veridox's last word on the case, not the last change of the view.
    expect(monitor.view(caseId)!.confirmedAt).toBeGreaterThanOrEqual(watchedAt)
    const before = Date.now()
    monitor.setReachable(false)
    expect(changes).toBe(1)
    expect(monitor.connection()).toMatchObject({ state: 'offline', since: expect.any(Number) })
    expect(monitor.connection().since).toBeGreaterThanOrEqual(before)
    monitor.setPaused(true)
    expect(monitor.connection().state).toBe('paused')
    monitor.setPaused(false)
    monitor.setReachable(true)
    expect(changes).toBe(4)
    expect(monitor.connection()).toMatchObject({ since: null })
  })
})
