import { afterEach, describe, expect, it } from 'vitest'
import { diagnosticsText } from '../../shared/diagnostics-text'
import { startSimulator, type Simulator } from '../../simulator'
import type { Diagnostics } from '../../shared/diagnostics'
import { sleep } from '../monitor/monitor-test-kit'
import { useAppRig } from './app-test-kit'
import type { CaseMonitorApp } from './case-monitor-app'

let simulator: Simulator | null = null
const rig = useAppRig()

afterEach(async () => {
  await simulator?.close()
  simulator = null
})

const secret = 'vdx_support_call_secret_4471'

async function diagnosticsWhen(app: CaseMonitorApp, condition: (diagnostics: Diagnostics) => boolean): Promise<Diagnostics> {
  const started = Date.now()
  for (;;) {
    const diagnostics = await app.handlers.getDiagnostics()
    if (condition(diagnostics)) return diagnostics
    if (Date.now() - started > 10_000) throw new Error(`Diagnostics never matched: ${JSON.stringify(diagnostics)}`)
    await sleep(50)
  }
}

describe('diagnostics for a support call', () => {
  it('tells per case and for the account how Veridox is reached, and never the key', async () => {
    simulator = await startSimulator({
      analysisMs: 60_000,
      heartbeatMs: 100,
      retryMs: 100,
      demoCases: 0,
      apiKeys: ['vdx_simulator', secret],
    })
    const app = await rig.start(simulator)
    await app.handlers.updateSettings({ region: 'custom', customBaseUrl: simulator.baseUrl })
    await app.handlers.setCredential({ kind: 'api_key', secret })
    const caseIds = Array.from(
      { length: 12 },
      (_, i) => simulator!.control.createCase({ apiKey: secret, label: `Claim ${i}`, fileLabels: ['a.pdf'] }).caseId,
    )
    // Half the cases' streams answer 503: of the ten streamed cases, some fail and some stay live.
    simulator.control.setFaults({ faults: [{ kind: 'server-error', status: 503, routes: ['stream'], caseIds: caseIds.slice(0, 6) }] })
    await app.handlers.watchCases({ caseIds })

    const diagnostics = await diagnosticsWhen(
      app,
      (d) =>
        d.cases.some((item) => item.state === 'live' && item.lastEventId !== null) &&
        d.cases.some((item) => item.lastError === 'server_error' && item.nextRetryAt !== null) &&
        d.budgets.some((budget) => budget.used > 0),
    )
    expect(diagnostics).toMatchObject({ mode: 'veridox', host: new URL(simulator.baseUrl).host, streams: { limit: 10 } })
    expect(diagnostics.streams.inUse).toBeGreaterThanOrEqual(9)
    expect(diagnostics.budgets.map((budget) => [budget.kind, budget.limit])).toEqual([
      ['list', 30],
      ['get', 60],
      ['poll', 600],
    ])
    expect(diagnostics.cases).toHaveLength(12)
    expect(diagnostics.cases.filter((item) => item.transport === 'list').length).toBeGreaterThanOrEqual(2)
    const failing = diagnostics.cases.find((item) => item.lastError === 'server_error')!
    expect(caseIds.slice(0, 6)).toContain(failing.caseId)
    expect(failing).toMatchObject({ state: 'reconnecting', transport: 'stream', nextRetryAt: expect.any(Number) })

    const everything = JSON.stringify(diagnostics) + diagnosticsText(diagnostics, (code) => code)
    expect(everything).not.toContain(secret)
    expect(everything).not.toContain('x-api-key')
  })
})
