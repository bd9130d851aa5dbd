import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { maxLocalLabelLength } from '../../shared/local-label'
import { commandInputSchemas } from '../../shared/ipc-schemas'
import type { Simulator } from '../../simulator'
import { fastTuning, startTestSimulator, waitFor } from '../monitor/monitor-test-kit'
import { useAppRig, viewsOf } from './app-test-kit'
import type { CompletionNotice } from './completion-notices'

let simulator: Simulator | null = null
const rig = useAppRig()

afterEach(async () => {
  await simulator?.close()
  simulator = null
})

describe("the analyst's own label for a case", () => {
  it('is kept on the case, used for its notification, and cleared by an empty label', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000, demoCases: 0 })
    const notices: CompletionNotice[] = []
    const app = await rig.start(simulator, { tuning: fastTuning, notify: (notice) => notices.push(notice) > 0 })
    const { caseId } = simulator.control.createCase({ label: 'CLM-2026-00142', fileLabels: ['passport.pdf'] })
    await app.handlers.watchCases({ caseIds: [caseId] })

    const labelled = await app.handlers.setCaseLocalLabel({ caseId, label: '  Hart  claim,   second look ' })
    expect(labelled.localLabel).toBe('Hart claim, second look')
    simulator.control.completeCaseNow(caseId)
    await waitFor(() => notices.length > 0, 10_000, 'the completion notice')
    expect(notices[0]!.title).toMatch(/: Hart claim, second look$/)

    expect((await app.handlers.setCaseLocalLabel({ caseId, label: '   ' })).localLabel).toBeNull()
    await expect(async () =>
      app.handlers.setCaseLocalLabel({ caseId: '019bfb3c-1257-7455-af2e-0cd3cadab5c7', label: 'x' }),
    ).rejects.toThrow(AppError)
  })

  it('refuses a label longer than the cap at the contract', () => {
    const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
    expect(commandInputSchemas.setCaseLocalLabel.safeParse([{ caseId, label: 'x'.repeat(maxLocalLabelLength) }]).success).toBe(true)
    expect(commandInputSchemas.setCaseLocalLabel.safeParse([{ caseId, label: 'x'.repeat(maxLocalLabelLength + 1) }]).success).toBe(false)
  })
})

describe('removing several cases at once, and undoing it', () => {
  it('stops watching them all in one command, and re-watches them with pin, mute and label restored', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000, demoCases: 3 })
    const app = await rig.start(simulator, { tuning: fastTuning })
    const [first, second, third] = (await viewsOf(app)).map((view) => view.caseId)
    await app.handlers.setCasePinned({ caseId: first!, isPinned: true })
    await app.handlers.setCaseMuted({ caseId: second!, isMuted: true })
    await app.handlers.setCaseLocalLabel({ caseId: second!, label: 'Second look' })

    await app.handlers.unwatchCases({ caseIds: [first!, second!] })
    expect((await viewsOf(app)).map((view) => view.caseId)).toEqual([third])

    const restored = await app.handlers.rewatchCases({
      cases: [
        { caseId: first!, isPinned: true, isMuted: false, localLabel: null },
        { caseId: second!, isPinned: false, isMuted: true, localLabel: 'Second look' },
      ],
    })
    expect(restored.map((view) => [view.caseId, view.isPinned, view.isMuted, view.localLabel])).toEqual([
      [first, true, false, null],
      [second, false, true, 'Second look'],
    ])
    expect(await viewsOf(app)).toHaveLength(3)
  })
})

describe("watching the account's recent cases", () => {
  it('pages GET /cases newest first, 100 at a time, marking the cases already watched', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000, demoCases: 0 })
    const app = await rig.start(simulator, { tuning: fastTuning })
    const created = Array.from({ length: 130 }, (_, i) => simulator!.control.createCase({ label: `Recent ${i}` }).caseId)
    await app.handlers.watchCases({ caseIds: [created[129]!] })

    const first = await app.handlers.listRecentCases({ offset: 0 })
    if (first.state !== 'page') throw new Error(`the first page was ${first.state}`)
    expect(first.cases).toHaveLength(100)
    expect(first.hasMore).toBe(true)
    expect(first.cases.slice(0, 2).map((one) => [one.label, one.isWatched])).toEqual([
      ['Recent 129', true],
      ['Recent 128', false],
    ])
    expect(first.cases[0]!.createdAt).toBeGreaterThan(Date.now() - 60_000)

    const second = await app.handlers.listRecentCases({ offset: 100 })
    if (second.state !== 'page') throw new Error(`the second page was ${second.state}`)
    expect(second.hasMore).toBe(false)
    expect(second.cases.map((one) => one.label)).toEqual(Array.from({ length: 30 }, (_, i) => `Recent ${29 - i}`))
  })

  it('reports a 429 as a time to try again, not an error', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000, demoCases: 0 })
    const app = await rig.start(simulator, { tuning: fastTuning })
    simulator.control.setFaults({ faults: [{ kind: 'rate-limit', retryAfterSeconds: 40, routes: ['list'], count: 1 }] })

    const answer = await app.handlers.listRecentCases({ offset: 0 })
    expect(answer.state).toBe('limited')
    if (answer.state !== 'limited') return
    expect(answer.retryAt - Date.now()).toBeGreaterThan(30_000)
    expect(answer.retryAt - Date.now()).toBeLessThanOrEqual(40_000)
    // The monitor's own budget remembers it: the next click is told to wait without asking Veridox.
    expect((await app.handlers.listRecentCases({ offset: 0 })).state).toBe('limited')
  })
})
