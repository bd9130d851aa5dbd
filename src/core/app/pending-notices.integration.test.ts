import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../simulator'
import { sleep, waitFor } from '../monitor/monitor-test-kit'
import { createMemoryDocument } from '../persistence/memory-document'
import { systemClock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import { updatesSwitchedOff } from './app-test-kit'
import { createCaseMonitorApp, type CaseMonitorApp } from './case-monitor-app'
import type { CompletionNotice } from './completion-notices'
import { createMemorySecretStore } from './secret-store'
import { createSettingsStore } from './settings-store'

let simulator: Simulator
const apps: CaseMonitorApp[] = []

afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose()
  await simulator?.close()
})

/** What survives a restart: settings, the key and the profile's documents. */
function machine() {
  const settingsDocument = createMemoryDocument()
  const secrets = createMemorySecretStore()
  const profile = { watchList: createMemoryDocument(), ledger: createMemoryDocument() }
  async function launch(options: { isNotificationShown?: boolean } = {}) {
    const notices: CompletionNotice[] = []
    const app = createCaseMonitorApp({
      fetch,
      clock: systemClock,
      log: silentLog,
      settings: createSettingsStore(settingsDocument, silentLog),
      secrets,
      openProfileDocuments: () => profile,
      startSimulator: async () => ({ baseUrl: simulator.baseUrl, apiKey: 'vdx_simulator', close: async () => undefined }),
      send: () => undefined,
      notify: (notice) => {
        notices.push(notice)
        return options.isNotificationShown ?? true
      },
      updates: updatesSwitchedOff(),
      batchIntervalMs: 20,
    })
    apps.push(app)
    await app.start()
    return { app, notices }
  }
  return { launch }
}

async function completedJustBeforeQuit(launch: ReturnType<typeof machine>['launch']) {
  const { app } = await launch()
  await app.handlers.updateSettings({ region: 'custom', customBaseUrl: simulator.baseUrl })
  await app.handlers.setCredential({ kind: 'api_key', secret: 'vdx_simulator' })
  const { caseId } = simulator.control.createCase({ label: 'Quit too soon', fileLabels: ['a.pdf'] })
  app.handlers.watchCases({ caseIds: [caseId] })
  simulator.control.completeCaseNow(caseId)
  await waitFor(() => app.summary().completed === 1, 10_000, 'the completion')
  // Inside the 1.5 s window in which completions are gathered into one notice.
  await app.dispose()
  apps.splice(apps.indexOf(app), 1)
}

describe('a completion notice is shown exactly once, even when the app quits first', () => {
  it('shows at the next start a completion announced just before quitting, then never again', async () => {
    simulator = await startSimulator({ analysisMs: 300 })
    const { launch } = machine()
    await completedJustBeforeQuit(launch)
    const second = await launch()
    await waitFor(() => second.notices.length > 0, 10_000, 'the pending notice')
    expect(second.notices.map((notice) => notice.title)).toEqual(['Analysis complete: Quit too soon'])
    await second.app.dispose()
    apps.splice(apps.indexOf(second.app), 1)
    const third = await launch()
    await sleep(6_000)
    expect(third.notices).toEqual([])
  })

  it('keeps a notice the system refused for the next start', async () => {
    simulator = await startSimulator({ analysisMs: 300 })
    const { launch } = machine()
    await completedJustBeforeQuit(launch)
    const refusing = await launch({ isNotificationShown: false })
    await waitFor(() => refusing.notices.length > 0, 10_000, 'the attempt')
    await refusing.app.dispose()
    apps.splice(apps.indexOf(refusing.app), 1)
    const next = await launch()
    await waitFor(() => next.notices.length > 0, 10_000, 'the notice again')
    expect(next.notices.map((notice) => notice.title)).toEqual(['Analysis complete: Quit too soon'])
  })
})
