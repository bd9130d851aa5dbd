import { afterEach, describe, expect, it } from 'vitest'
import type { SettingsView } from '../../shared/backend'
import type { Events } from '../../shared/ipc'
import type { UpdateStatus } from '../../shared/updates'
import type { Simulator } from '../../simulator'
import { startTestSimulator } from '../monitor/monitor-test-kit'
import { createMemoryDocument } from '../persistence/memory-document'
import { silentLog } from '../runtime/log'
import { startLoopbackFeed, type LoopbackFeed } from '../updates/testing/loopback-feed'
import type { UpdateFlow } from '../updates/update-flow'
import { testUpdateFlow, useAppRig } from './app-test-kit'
import { createSettingsStore } from './settings-store'

let simulator: Simulator | null = null
let feed: LoopbackFeed | null = null
let flow: UpdateFlow | null = null
const rig = useAppRig()

afterEach(async () => {
  flow?.dispose()
  await simulator?.close()
  await feed?.close()
  simulator = feed = flow = null
})

describe('the update status behind the IPC contract', () => {
  it('a feed set through updateSettings is checked at once and updateChanged tells the window what it offers, without a settingsChanged; switched off, it is asked no more', async () => {
    simulator = await startTestSimulator()
    feed = await startLoopbackFeed({ kind: 'release', version: '0.2.0' })
    const settings = createSettingsStore(createMemoryDocument(), silentLog)
    flow = testUpdateFlow(() => settings.get())
    const pushed: { event: keyof Events; payload: unknown }[] = []
    const app = await rig.start(simulator, { settings, updates: flow, send: (event, payload) => pushed.push({ event, payload }) })
    expect((await app.handlers.getSnapshot()).update).toEqual({ state: 'waiting' })
    const updatesPushed = () => pushed.filter((p) => p.event === 'updateChanged').map((p) => p.payload as UpdateStatus)
    const settingsPushed = () => pushed.filter((p) => p.event === 'settingsChanged').map((p) => p.payload as SettingsView)
    const settingsPushesBefore = settingsPushed().length

    await app.handlers.updateSettings({ updateFeedUrl: feed.url })
    await expect.poll(() => updatesPushed().at(-1)).toEqual({ state: 'available', version: '0.2.0', installsHere: false })
    expect(updatesPushed()).toEqual([{ state: 'checking' }, { state: 'available', version: '0.2.0', installsHere: false }])
    expect(feed.requests).toEqual(['/case-monitor/latest-linux.yml'])
    // One settingsChanged for the saved patch; the background check sends none, so a form being edited is left alone.
    expect(settingsPushed().slice(settingsPushesBefore)).toEqual([
      expect.objectContaining({ updatesEnabled: true, updateFeedUrl: feed.url }),
    ])
    expect((await app.handlers.getSnapshot()).update).toEqual({ state: 'available', version: '0.2.0', installsHere: false })

    const off = await app.handlers.updateSettings({ updatesEnabled: false })
    expect(off).toMatchObject({ updatesEnabled: false })
    expect(updatesPushed().at(-1)).toEqual({ state: 'off' })
    await new Promise((settle) => setTimeout(settle, 300))
    expect(feed.requests).toHaveLength(1)
  })
})
