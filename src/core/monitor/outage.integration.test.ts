import { describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import type { Fetch } from '../veridox/veridox-client'
import { requestWindows } from '../policy/limits'
import { requestsReceived, sleep, testLimits, useMonitorRig, waitFor } from './monitor-test-kit'
import { routeNames } from '../../simulator/faults/fault-types'

const rig = useMonitorRig()

/** The network as the monitor sees it: while it is down every new request fails like a pulled cable. */
function cable(simulator: Simulator) {
  let isDown = false
  let attempts = 0
  const cableFetch: Fetch = (input, init) => {
    attempts++
    return isDown ? Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENETUNREACH' } })) : fetch(input, init)
  }
  return {
    fetch: cableFetch,
    pull() {
      isDown = true
      simulator.control.dropAllStreams()
    },
    plugIn: () => void (isDown = false),
    attempts: () => attempts,
  }
}

describe('an outage seen from the failures themselves', () => {
  it('says offline without any signal from the system, backs off every request, and clears the errors when the network returns', async () => {
    const simulator = await rig.startSimulator({ analysisMs: 40_000 })
    const cases = Array.from({ length: 30 }, (_, i) => simulator.control.createCase({ label: `Claim ${i}`, fileLabels: ['a.pdf'] }).caseId)
    const network = cable(simulator)
    const outage = { failuresForOutage: 3, probeFloorMs: 500, probeCapMs: 1_000 }
    const { monitor } = rig.openMonitor({ fetch: network.fetch, tuning: { outage } })
    monitor.watch(cases)
    await waitFor(() => monitor.views().every((view) => view.state === 'live' || view.state === 'polling'), 8_000, 'every case followed')

    network.pull()
    await waitFor(() => monitor.views().every((view) => view.state === 'offline'), 2_000, 'every case to say offline')
    expect(monitor.stats().isOffline).toBe(true)
    expect(monitor.connection()).toMatchObject({ state: 'offline', since: expect.any(Number) })
    const attemptsAtDetection = network.attempts()
    const outageMs = 3_000
    await sleep(outageMs)
    // Only the probe goes out, never closer than half its floor: no reconnects, sweeps or snapshots.
    expect(network.attempts() - attemptsAtDetection).toBeLessThanOrEqual(outageMs / (outage.probeFloorMs / 2))

    network.plugIn()
    await waitFor(
      () => monitor.views().every((view) => view.state === 'live' || view.state === 'polling'),
      5_000,
      'every case followed again',
    )
    await waitFor(
      () => monitor.views().every((view) => view.problem?.code !== 'network_unreachable'),
      3_000,
      'no case to blame the network any more',
    )
    expect(monitor.connection()).toMatchObject({ state: 'live', since: null })
  })

  it('when Veridox itself is down (its gateway answers 503 to everything), says offline and sends only the probe until it answers again', async () => {
    const simulator = await rig.startSimulator({ analysisMs: 40_000 })
    const cases = Array.from({ length: 30 }, (_, i) => simulator.control.createCase({ label: `Claim ${i}`, fileLabels: ['a.pdf'] }).caseId)
    const outage = { failuresForOutage: 3, probeFloorMs: 500, probeCapMs: 1_000 }
    const { monitor } = rig.openMonitor({ tuning: { outage } })
    monitor.watch(cases)
    await waitFor(() => monitor.views().every((view) => view.state === 'live' || view.state === 'polling'), 8_000, 'every case followed')

    simulator.control.setFaults({ faults: [{ kind: 'server-error', status: 503, routes: [...routeNames] }] })
    simulator.control.dropAllStreams()
    await waitFor(() => monitor.views().every((view) => view.state === 'offline'), 3_000, 'every case to say offline')
    expect(monitor.connection()).toMatchObject({ state: 'offline' })
    const requestsAtDetection = requestsReceived(simulator)
    const outageMs = 3_000
    await sleep(outageMs)
    expect(requestsReceived(simulator) - requestsAtDetection).toBeLessThanOrEqual(outageMs / (outage.probeFloorMs * 0.8))

    simulator.control.clearFaults()
    await waitFor(
      () => monitor.views().every((view) => view.state === 'live' || view.state === 'polling'),
      5_000,
      'every case followed again',
    )
    expect(monitor.connection()).toMatchObject({ state: 'live', since: null })
  })

  it('is not fooled by one case’s 503s: the probe answers, so the account stays live', async () => {
    const simulator = await rig.startSimulator({ analysisMs: 40_000 })
    const broken = simulator.control.createCase({ label: 'Broken', fileLabels: ['a.pdf'] }).caseId
    simulator.control.setFaults({ faults: [{ kind: 'server-error', status: 503, caseIds: [broken] }] })
    const { monitor } = rig.openMonitor()
    monitor.watch([broken])
    const states = new Set<string>()
    const stop = monitor.onAccountChanged(() => states.add(monitor.connection().state))
    await waitFor(() => simulator.control.stats().faultsFired['server-error']! >= 8, 8_000, 'the case to fail eight times')
    stop()
    expect(states.has('offline')).toBe(false)
    expect(monitor.view(broken)!.state).not.toBe('offline')
  })

  it('catches up after the outage with every list page back to back, not one per list spacing', async () => {
    const simulator = await rig.startSimulator({ analysisMs: 60_000 })
    const cases = Array.from({ length: 250 }, (_, i) => simulator.control.createCase({ label: `Claim ${i}`, fileLabels: ['a.pdf'] }).caseId)
    const network = cable(simulator)
    const listSentAt: number[] = []
    const recordingFetch: Fetch = (input, init) => {
      if (/\/cases\?/.test(String(input))) listSentAt.push(Date.now())
      return network.fetch(input, init)
    }
    const { monitor } = rig.openMonitor({ fetch: recordingFetch })
    monitor.watch(cases)
    await waitFor(() => monitor.views().every((view) => view.state === 'live' || view.state === 'polling'), 15_000, 'every case followed')
    network.pull()
    await waitFor(() => monitor.views().every((view) => view.state === 'offline'), 3_000, 'every case to say offline')

    const returnedAt = Date.now()
    network.plugIn()
    await waitFor(() => monitor.views().every((view) => view.state === 'live' || view.state === 'polling'), 15_000, 'every case back')
    const catchUp = listSentAt.filter((at) => at >= returnedAt)
    expect(catchUp.length).toBeGreaterThanOrEqual(3)
    // Paced, three pages would take two list spacings (2 × 2.2 s with the documented 30 a minute).
    expect(catchUp[2]! - catchUp[0]!).toBeLessThan(requestWindows(testLimits).list.minSpacingMs!)
  })
})
