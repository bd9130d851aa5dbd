import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import type { JsonDocument } from '../persistence/json-document'
import { createMemoryDocument } from '../persistence/memory-document'
import { systemClock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import { createVeridoxClient } from '../veridox/veridox-client'
import { openMonitor, type CaseMonitor } from './case-monitor'
import { fastTuning, sleep, startTestSimulator, testLimits, waitFor } from './monitor-test-kit'

interface SavedCase {
  caseId: string
  isPinned: boolean
}

/** A watch list in memory that keeps every version written to it. */
function recordingDocument(): JsonDocument & { versions: SavedCase[][] } {
  const memory = createMemoryDocument()
  const versions: SavedCase[][] = []
  return {
    ...memory,
    versions,
    write(value) {
      versions.push(structuredClone((value as { cases: SavedCase[] }).cases))
      memory.write(value)
    },
  }
}

let simulator: Simulator | null = null
let monitor: CaseMonitor | null = null
afterEach(async () => {
  monitor?.dispose()
  await simulator?.close()
})

describe('the watch list on disk while cases stream', () => {
  it('takes progress at most once every ten save intervals, and a pin within one', async () => {
    simulator = await startTestSimulator({ analysisMs: 6_000 })
    const caseIds = Array.from({ length: 3 }, () => simulator!.control.createCase({ fileLabels: ['a.pdf', 'b.pdf'] }).caseId)
    const watchList = recordingDocument()
    monitor = openMonitor({
      client: createVeridoxClient({ baseUrl: simulator.baseUrl, credential: { kind: 'api_key', secret: 'vdx_simulator' }, fetch }),
      clock: systemClock,
      log: silentLog,
      storage: { watchList, ledger: createMemoryDocument() },
      limits: testLimits,
      tuning: fastTuning,
      saveIntervalMs: 150,
    })
    const changes: string[] = []
    monitor.onChanged((caseId) => changes.push(caseId))
    monitor.watch(caseIds)
    await waitFor(() => watchList.versions.length > 0, 2_000, 'the watched cases on disk')

    const writesBefore = watchList.versions.length
    const changesBefore = changes.length
    await sleep(1_400)
    // Progress streamed all along (several changes), and one write at most covered it all.
    expect(changes.length - changesBefore).toBeGreaterThan(3)
    expect(watchList.versions.length - writesBefore).toBeLessThanOrEqual(1)

    monitor.setPinned(caseIds[0]!, true)
    await waitFor(() => watchList.versions.at(-1)?.find((saved) => saved.caseId === caseIds[0])?.isPinned === true, 600, 'the pin on disk')
  })
})
