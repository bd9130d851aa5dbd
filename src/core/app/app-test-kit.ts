import { afterEach } from 'vitest'
import type { CaseView } from '../../shared/case-view'
import type { Simulator } from '../../simulator'
import { createMemoryDocument } from '../persistence/memory-document'
import { systemClock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import { createUpdateFlow, type UpdateFlow } from '../updates/update-flow'
import { runFromSource } from '../updates/update-installer'
import { createCaseMonitorApp, type CaseMonitorApp, type CaseMonitorAppOptions } from './case-monitor-app'
import { createMemorySecretStore } from './secret-store'
import { createSettingsStore } from './settings-store'

/** Version 0.1.0 from source on Linux, reading its update settings from `settings`. */
export function testUpdateFlow(settings: () => { updatesEnabled: boolean; updateFeedUrl: string | null }): UpdateFlow {
  return createUpdateFlow({
    fetch,
    clock: systemClock,
    log: silentLog,
    currentVersion: '0.1.0',
    feedFileName: 'latest-linux.yml',
    installer: runFromSource,
    settings,
  })
}

/** Switched off and never started: for apps whose tests are about cases (update-status.integration.test.ts is about updates). */
export const updatesSwitchedOff = (): UpdateFlow => testUpdateFlow(() => ({ updatesEnabled: false, updateFeedUrl: null }))

/** The desktop app's core on the simulator's demo data, as the composition root builds it, with test I/O. */
export function openSimulatorApp(simulator: Simulator, overrides: Partial<CaseMonitorAppOptions> = {}): CaseMonitorApp {
  return createCaseMonitorApp({
    fetch,
    clock: systemClock,
    log: silentLog,
    settings: createSettingsStore(createMemoryDocument(), silentLog),
    secrets: createMemorySecretStore(),
    openProfileDocuments: () => ({ watchList: createMemoryDocument(), ledger: createMemoryDocument() }),
    startSimulator: async () => ({ baseUrl: simulator.baseUrl, apiKey: 'vdx_simulator', close: async () => undefined }),
    send: () => undefined,
    notify: () => true,
    updates: updatesSwitchedOff(),
    batchIntervalMs: 20,
    ...overrides,
  })
}

/** One app per test, disposed after it (before the simulator closes). */
export function useAppRig() {
  let app: CaseMonitorApp | null = null
  afterEach(async () => {
    await app?.dispose()
    app = null
  })
  return {
    async start(simulator: Simulator, overrides: Partial<CaseMonitorAppOptions> = {}): Promise<CaseMonitorApp> {
      app = openSimulatorApp(simulator, overrides)
      await app.start()
      return app
    },
  }
}

export const viewsOf = async (app: CaseMonitorApp): Promise<CaseView[]> => (await app.handlers.getSnapshot()).cases

export const streamedCaseIds = async (app: CaseMonitorApp): Promise<string[]> =>
  (await viewsOf(app))
    .filter((view) => view.followedBy === 'stream' && view.state === 'live')
    .map((view) => view.caseId)
    .sort()
