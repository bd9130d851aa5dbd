// The desktop app's core as the main process builds it (src/main/index.ts), in a Node process of its own so
// its memory and CPU are measured apart from the simulator: Node's fetch for Electron's net.fetch, conf
// documents in a profile folder for electron-store, the log written to a rotating file, and events to the
// window serialised as IPC would. The benchmark drives it over the child-process channel (driver-protocol.ts).
import { join } from 'node:path'
import { keyEndpointOf } from '../../src/shared/backend'
import { createCaseMonitorApp } from '../../src/core/app/case-monitor-app'
import { createMemorySecretStore } from '../../src/core/app/secret-store'
import { createSettingsStore } from '../../src/core/app/settings-store'
import { openConfDocument } from '../../src/core/persistence/conf-document'
import { systemClock } from '../../src/core/runtime/clock'
import { createConsoleLog } from '../../src/core/runtime/log'
import { appLogFileLimits, openRotatingLogFile } from '../../src/core/runtime/rotating-log-file'
import { createUpdateFlow } from '../../src/core/updates/update-flow'
import { runFromSource } from '../../src/core/updates/update-installer'
import type { DriverConfig, DriverReply, DriverRequest } from './driver-protocol'

const config = JSON.parse(process.env.CASE_MONITOR_BENCH_DRIVER ?? '{}') as DriverConfig
const clock = systemClock
const logFile = openRotatingLogFile({ path: join(config.profileDir, 'logs', 'case-monitor.log'), ...appLogFileLimits })
let logLines = 0
const log = createConsoleLog('info', (line) => {
  logLines++
  logFile.writeLine(line)
})
const document = (directory: string, name: string) => openConfDocument({ directory, name, log, now: clock.now })
const settings = createSettingsStore(document(config.profileDir, 'settings'), log)
settings.update({ region: 'custom', customBaseUrl: config.baseUrl })
let windowMessages = 0
let watchListWrites = 0
let windowBytes = 0

const app = createCaseMonitorApp({
  fetch,
  clock,
  log,
  settings,
  secrets: createMemorySecretStore(config.apiKey, keyEndpointOf(config.baseUrl)),
  openProfileDocuments: (profileId) => {
    const directory = join(config.profileDir, 'profiles', profileId)
    const watchList = document(directory, 'watch-list')
    const countedWrite = watchList.write
    watchList.write = (value) => {
      watchListWrites++
      countedWrite(value)
    }
    return { watchList, ledger: document(directory, 'completion-ledger') }
  },
  startSimulator: () => Promise.reject(new Error('the benchmark follows its own simulator with a saved key')),
  send: (_event, payload) => {
    // webContents.send serialises every payload; this is the same work, and nobody reads it.
    windowMessages++
    windowBytes += JSON.stringify(payload ?? null).length
  },
  notify: () => true,
  updates: createUpdateFlow({
    fetch,
    clock,
    log,
    currentVersion: '0.1.0',
    feedFileName: 'latest-linux.yml',
    installer: runFromSource,
    settings: () => settings.get(),
  }),
})

const reply = (message: DriverReply): void => void process.send?.(message)

async function handle(request: DriverRequest): Promise<void> {
  switch (request.type) {
    case 'watch':
      for (let start = 0; start < request.caseIds.length; start += 1_000)
        await app.handlers.watchCases({ caseIds: request.caseIds.slice(start, start + 1_000) })
      // Closed to the tray: nothing is on screen, as for an analyst who left it watching.
      app.setWindowShown(false)
      return reply({ type: 'watched', count: (await app.handlers.getSnapshot()).cases.length })
    case 'report': {
      const memory = process.memoryUsage()
      return reply({
        type: 'report',
        heapUsedMB: memory.heapUsed / 2 ** 20,
        heapTotalMB: memory.heapTotal / 2 ** 20,
        externalMB: memory.external / 2 ** 20,
        arrayBuffersMB: memory.arrayBuffers / 2 ** 20,
        windowMessages,
        windowBytes,
        logLines,
        watchListWrites,
      })
    }
    case 'stop':
      await app.dispose()
      logFile.close()
      process.disconnect()
  }
}

process.on('message', (request: DriverRequest) => {
  handle(request).catch((error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))
})

app
  .start()
  .then(() => reply({ type: 'started', mode: settings.get().region }))
  .catch((error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))
