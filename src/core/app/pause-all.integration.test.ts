import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { fastTuning, requestsReceived, sleep, startTestSimulator, waitFor } from '../monitor/monitor-test-kit'
import { useAppRig, viewsOf } from './app-test-kit'
import type { CompletionNotice } from './completion-notices'

let simulator: Simulator | null = null
const rig = useAppRig()

afterEach(async () => {
  await simulator?.close()
  simulator = null
})

const receivedBySimulator = (): number => requestsReceived(simulator!)

describe('pause and resume all watching', () => {
  it('sends nothing while paused, and announces a completion that happened meanwhile exactly once after resume', async () => {
    simulator = await startTestSimulator({ analysisMs: 60_000, demoCases: 2 })
    const notices: CompletionNotice[] = []
    const app = await rig.start(simulator, { tuning: fastTuning, notify: (notice) => notices.push(notice) > 0 })
    await waitFor(() => simulator!.control.stats().openStreams === 2, 10_000, 'the demo streams')
    const [first] = (await app.handlers.getSnapshot()).cases

    app.setPaused(true)
    expect(app.isPaused()).toBe(true)
    expect((await app.handlers.getSnapshot()).settings.isPaused).toBe(true)
    await waitFor(() => simulator!.control.stats().openStreams === 0, 5_000, 'the streams to close')
    expect((await viewsOf(app)).map((view) => [view.state, view.followedBy])).toEqual([
      ['paused', null],
      ['paused', null],
    ])
    await sleep(300)
    const receivedWhilePaused = receivedBySimulator()
    simulator.control.completeCaseNow(first!.caseId)
    await sleep(1_000)
    expect(receivedBySimulator(), 'requests while paused').toBe(receivedWhilePaused)
    expect(notices).toEqual([])

    app.setPaused(false)
    expect((await app.handlers.getSnapshot()).settings.isPaused).toBe(false)
    await waitFor(() => notices.length > 0, 10_000, 'the completion after resume')
    await sleep(2_500)
    expect(notices).toHaveLength(1)
    expect(notices[0]!.caseId).toBe(first!.caseId)
    expect(app.summary().completed).toBe(1)
  })
})
