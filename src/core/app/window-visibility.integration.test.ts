import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { fastTuning, startTestSimulator, testLimits } from '../monitor/monitor-test-kit'
import { streamedCaseIds, useAppRig } from './app-test-kit'

let simulator: Simulator | null = null
const rig = useAppRig()

afterEach(async () => {
  await simulator?.close()
  simulator = null
})

const sorted = (ids: string[]): string[] => [...ids].sort()

describe('which cases count as on screen while the window is hidden', () => {
  it('gives the visible cases’ stream slots back while the window is hidden, and the last reported set again when shown', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000 })
    // In analysis, these rank above cases waiting for upload unless those are on screen (stream-slots.ts).
    const analysing = [1, 2].map((n) => simulator!.control.createCase({ label: `Analysing ${n}`, fileLabels: ['a.pdf'] }).caseId)
    const waiting = [1, 2].map((n) => simulator!.control.createCase({ label: `Waiting ${n}`, fileLabels: ['a.pdf'], upload: false }).caseId)
    const app = await rig.start(simulator, { tuning: fastTuning, limits: { ...testLimits, streamsPerKey: 2 } })
    const streamed = (timeout = 5_000) => expect.poll(() => streamedCaseIds(app), { timeout })

    await streamed().toEqual(sorted(analysing))
    app.handlers.reportVisibleCases({ caseIds: waiting })
    await streamed().toEqual(sorted(waiting))

    app.setWindowShown(false)
    await streamed().toEqual(sorted(analysing))
    // The renderer may still report while hidden: remembered, not applied.
    app.handlers.reportVisibleCases({ caseIds: [waiting[0]!] })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await streamedCaseIds(app)).toEqual(sorted(analysing))

    app.setWindowShown(true)
    await expect
      .poll(
        async () => {
          const ids = await streamedCaseIds(app)
          return ids.length === 2 && ids.includes(waiting[0]!) && !ids.includes(waiting[1]!)
        },
        { timeout: 5_000 },
      )
      .toBe(true)
  })
})
