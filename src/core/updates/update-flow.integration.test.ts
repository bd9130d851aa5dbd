import { afterEach, describe, expect, it } from 'vitest'
import type { UpdateFailure, UpdateStatus } from '../../shared/updates'
import type { Clock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import { checkIntervalMs, createUpdateFlow, failureBackoff, firstCheckDelayMs, type UpdateFlow, type UpdateSettings } from './update-flow'
import type { UpdateInstaller } from './update-installer'
import { startLoopbackFeed, type FeedAnswer, type LoopbackFeed } from './testing/loopback-feed'

// Policy on a hand-driven clock, transport over real loopback sockets.
function manualClock() {
  let now = 0
  let timers: { at: number; callback: () => void }[] = []
  const clock = {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { at: now + ms, callback }
      timers.push(timer)
      return () => (timers = timers.filter((t) => t !== timer))
    },
    random: () => 0.5,
  } satisfies Clock
  return {
    clock,
    pendingDelays: () => timers.map((t) => t.at - now),
    advance(ms: number) {
      now += ms
      const due = timers.filter((t) => t.at <= now)
      timers = timers.filter((t) => t.at > now)
      for (const timer of due) timer.callback()
    },
  }
}

function recordingInstaller(installsHere: boolean, fails = false) {
  const downloads: { feedUrl: string; version: string }[] = []
  const installOnQuit: boolean[] = []
  const installer = {
    installsHere,
    async download({ feedUrl, version }) {
      downloads.push({ feedUrl, version })
      if (fails) throw new Error('sha512 checksum mismatch')
    },
    setInstallOnQuit: (isEnabled) => installOnQuit.push(isEnabled),
  } satisfies UpdateInstaller
  return { installer, downloads, installOnQuit }
}

const feeds: LoopbackFeed[] = []
let flow: UpdateFlow | null = null
afterEach(async () => {
  flow?.dispose()
  flow = null
  await Promise.all(feeds.splice(0).map((feed) => feed.close()))
})

async function feedAnswering(answer: FeedAnswer, path?: string): Promise<LoopbackFeed> {
  const feed = await startLoopbackFeed(answer, path)
  feeds.push(feed)
  return feed
}

function open(settings: UpdateSettings, installer: UpdateInstaller = recordingInstaller(false).installer) {
  const time = manualClock()
  const current = { ...settings }
  const statuses: UpdateStatus[] = []
  flow = createUpdateFlow({
    fetch,
    clock: time.clock,
    log: silentLog,
    currentVersion: '0.1.0',
    feedFileName: 'latest-linux.yml',
    installer,
    settings: () => current,
    feedTimeoutMs: 300,
  })
  flow.onChanged((status) => statuses.push(status))
  const started = flow
  const settled = (state: UpdateStatus['state']) => expect.poll(() => started.status().state, { timeout: 5_000 }).toBe(state)
  return {
    flow: started,
    time,
    statuses,
    settled,
    change(patch: Partial<UpdateSettings>) {
      Object.assign(current, patch)
      started.settingsChanged()
    },
  }
}

describe('the update flow against a loopback feed', () => {
  it('finds a newer release soon after start; a copy that cannot install itself only says it is available', async () => {
    const feed = await feedAnswering({ kind: 'release', version: '0.2.0' })
    const { installer, downloads } = recordingInstaller(false)
    const { flow, time, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url }, installer)
    flow.start()
    expect(flow.status()).toEqual({ state: 'waiting' })
    time.advance(firstCheckDelayMs - 1)
    expect(feed.requests).toEqual([])
    time.advance(1)
    await settled('available')
    expect(flow.status()).toEqual({ state: 'available', version: '0.2.0', installsHere: false })
    expect(feed.requests).toEqual(['/case-monitor/latest-linux.yml'])
    expect(downloads).toEqual([])
    expect(time.pendingDelays()).toEqual([checkIntervalMs])
  })

  it('an installed copy downloads the newer release and is ready to install on quit', async () => {
    const feed = await feedAnswering({ kind: 'release', version: '0.2.0' })
    const { installer, downloads, installOnQuit } = recordingInstaller(true)
    const { flow, time, statuses, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url }, installer)
    flow.start()
    time.advance(firstCheckDelayMs)
    await settled('ready')
    expect(statuses).toEqual([{ state: 'checking' }, { state: 'downloading', version: '0.2.0' }, { state: 'ready', version: '0.2.0' }])
    expect(downloads).toEqual([{ feedUrl: feed.url, version: '0.2.0' }])
    expect(installOnQuit).toEqual([true])
  })

  it.each(['0.1.0', '0.0.9', '0.1.0-beta.1'])('feed version %s is not newer: up to date, checked again in four hours', async (version) => {
    const feed = await feedAnswering({ kind: 'release', version })
    const { flow, time, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url })
    flow.start()
    time.advance(firstCheckDelayMs)
    await settled('up_to_date')
    expect(flow.status()).toEqual({ state: 'up_to_date', version: '0.1.0' })
    expect(time.pendingDelays()).toEqual([checkIntervalMs])
    time.advance(checkIntervalMs)
    await expect.poll(() => feed.requests.length).toBe(2)
  })

  it.each<[string, FeedAnswer, UpdateFailure]>([
    ['malformed YAML', { kind: 'malformed' }, 'not_a_feed'],
    ['an HTML page (a captive portal)', { kind: 'html' }, 'not_a_feed'],
    ['an answer far too large for a release description', { kind: 'huge' }, 'not_a_feed'],
    ['404', { kind: 'status', status: 404 }, 'not_found'],
    ['503', { kind: 'status', status: 503 }, 'server_error'],
    ['no answer at all', { kind: 'stall' }, 'timed_out'],
  ])('%s: fails with a reason, retries after a backoff, and recovers', async (_what, answer, failure) => {
    const feed = await feedAnswering(answer)
    const { flow, time, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url })
    flow.start()
    time.advance(firstCheckDelayMs)
    await settled('failed')
    expect(flow.status()).toEqual({ state: 'failed', failure })
    const [retryMs] = time.pendingDelays()
    expect(retryMs).toBeGreaterThanOrEqual(failureBackoff.floorMs)
    expect(retryMs).toBeLessThan(checkIntervalMs)
    feed.answer({ kind: 'release', version: '0.3.0' })
    time.advance(retryMs!)
    await settled('available')
    expect(feed.requests).toHaveLength(2)
  })

  it('backs off further after each failure in a row', async () => {
    const feed = await feedAnswering({ kind: 'status', status: 500 })
    const { flow, time, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url })
    flow.start()
    time.advance(firstCheckDelayMs)
    const delays: number[] = []
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await expect.poll(() => feed.requests.length).toBe(attempt)
      await settled('failed')
      delays.push(time.pendingDelays()[0]!)
      time.advance(delays.at(-1)!)
    }
    expect(delays[1]).toBeGreaterThan(delays[0]!)
    expect(delays[2]).toBeGreaterThan(delays[1]!)
  })

  it('a feed nobody listens on is unreachable', async () => {
    const feed = await feedAnswering({ kind: 'release', version: '0.2.0' })
    const closedUrl = feed.url
    await feeds.pop()!.close()
    const { flow, time, settled } = open({ updatesEnabled: true, updateFeedUrl: closedUrl })
    flow.start()
    time.advance(firstCheckDelayMs)
    await settled('failed')
    expect(flow.status()).toEqual({ state: 'failed', failure: 'unreachable' })
  })

  it('a failed download is a failure with a reason and is retried', async () => {
    const feed = await feedAnswering({ kind: 'release', version: '0.2.0' })
    const { installer, downloads } = recordingInstaller(true, true)
    const { flow, time, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url }, installer)
    flow.start()
    time.advance(firstCheckDelayMs)
    await settled('failed')
    expect(flow.status()).toEqual({ state: 'failed', failure: 'download_failed' })
    time.advance(time.pendingDelays()[0]!)
    await expect.poll(() => downloads.length).toBe(2)
  })

  it('switched off, it sends no request at all, however long it runs', async () => {
    const feed = await feedAnswering({ kind: 'release', version: '0.2.0' })
    const { flow, time } = open({ updatesEnabled: false, updateFeedUrl: feed.url })
    flow.start()
    expect(flow.status()).toEqual({ state: 'off' })
    expect(time.pendingDelays()).toEqual([])
    time.advance(checkIntervalMs * 3)
    await new Promise((settle) => setTimeout(settle, 200))
    expect(feed.requests).toEqual([])
  })

  it('switched off during a check stops it; switched on again checks straight away', async () => {
    const feed = await feedAnswering({ kind: 'stall' })
    const { flow, time, change, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url })
    flow.start()
    time.advance(firstCheckDelayMs)
    await expect.poll(() => feed.requests.length).toBe(1)
    change({ updatesEnabled: false })
    expect(flow.status()).toEqual({ state: 'off' })
    expect(time.pendingDelays()).toEqual([])
    await new Promise((settle) => setTimeout(settle, 500))
    expect(flow.status()).toEqual({ state: 'off' })

    feed.answer({ kind: 'release', version: '0.1.0' })
    change({ updatesEnabled: true })
    expect(time.pendingDelays()).toEqual([0])
    time.advance(0)
    await settled('up_to_date')
    expect(feed.requests).toHaveLength(2)
  })

  it('switched off once an update is ready, the update no longer installs on quit', async () => {
    const feed = await feedAnswering({ kind: 'release', version: '0.2.0' })
    const { installer, installOnQuit } = recordingInstaller(true)
    const { flow, time, change, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url }, installer)
    flow.start()
    time.advance(firstCheckDelayMs)
    await settled('ready')
    change({ updatesEnabled: false })
    expect(installOnQuit).toEqual([true, false])
    expect(flow.status()).toEqual({ state: 'off' })
  })

  it('a new feed address is checked straight away, and the old one is asked no more', async () => {
    const old = await feedAnswering({ kind: 'release', version: '0.1.0' })
    const next = await feedAnswering({ kind: 'release', version: '0.4.0' }, '/releases/stable/')
    const { flow, time, change, settled } = open({ updatesEnabled: true, updateFeedUrl: old.url })
    flow.start()
    time.advance(firstCheckDelayMs)
    await settled('up_to_date')
    change({ updateFeedUrl: next.url })
    time.advance(0)
    await settled('available')
    expect(flow.status()).toMatchObject({ version: '0.4.0' })
    expect(next.requests).toEqual(['/releases/stable/latest-linux.yml'])
    time.advance(checkIntervalMs)
    await expect.poll(() => next.requests.length).toBe(2)
    expect(old.requests).toHaveLength(1)
  })

  it('the same settings saved again do not trigger another check', async () => {
    const feed = await feedAnswering({ kind: 'release', version: '0.1.0' })
    const { flow, time, change, settled } = open({ updatesEnabled: true, updateFeedUrl: feed.url })
    flow.start()
    time.advance(firstCheckDelayMs)
    await settled('up_to_date')
    change({ updatesEnabled: true })
    expect(time.pendingDelays()).toEqual([checkIntervalMs])
  })
})
