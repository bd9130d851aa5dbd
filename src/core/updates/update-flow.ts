import { gt } from 'semver'
import { updateFeedAddress, type UpdateStatus } from '../../shared/updates'
import { backoffDelay, type BackoffPolicy } from '../policy/backoff'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import { readFeedRelease, UpdateFeedError } from './update-feed'
import type { UpdateInstaller } from './update-installer'

/** Not during start-up, when the first streams and snapshots need the network. */
export const firstCheckDelayMs = 3_000
/** Releases come out every few weeks; a check every four hours finds one the same day. */
export const checkIntervalMs = 4 * 60 * 60 * 1_000
/** A feed that is down (or a laptop offline) is retried from a minute to the regular interval. */
export const failureBackoff: BackoffPolicy = { floorMs: 60_000, capMs: checkIntervalMs }

export interface UpdateSettings {
  updatesEnabled: boolean
  updateFeedUrl: string | null
}

export interface UpdateFlowOptions {
  fetch: typeof fetch
  clock: Clock
  log: Log
  currentVersion: string
  feedFileName: string
  installer: UpdateInstaller
  settings(): UpdateSettings
  feedTimeoutMs?: number
}

export interface UpdateFlow {
  status(): UpdateStatus
  onChanged(listener: (status: UpdateStatus) => void): () => void
  start(): void
  /** Re-reads the settings: switched off stops at once; switched on, or a new feed, checks straight away. */
  settingsChanged(): void
  dispose(): void
}

/** When to look for a release, what was found, and handing it to the installer: the update flow without Electron. */
export function createUpdateFlow(options: UpdateFlowOptions): UpdateFlow {
  const { clock, log } = options
  const listeners = new Set<(status: UpdateStatus) => void>()
  let status: UpdateStatus = options.settings().updatesEnabled ? { state: 'waiting' } : { state: 'off' }
  let cancelTimer: (() => void) | null = null
  let running: AbortController | null = null
  let failures = 0
  let feedUrl = updateFeedAddress(options.settings().updateFeedUrl)
  let isDisposed = false

  function set(next: UpdateStatus): void {
    status = next
    for (const listener of listeners) listener(next)
  }

  function stop(): void {
    cancelTimer?.()
    cancelTimer = null
    running?.abort()
    running = null
  }

  function schedule(delayMs: number): void {
    cancelTimer?.()
    cancelTimer = clock.setTimeout(() => {
      cancelTimer = null
      void check()
    }, delayMs)
  }

  async function check(): Promise<void> {
    const controller = new AbortController()
    running = controller
    set({ state: 'checking' })
    try {
      const release = await readFeedRelease({
        fetch: options.fetch,
        feedUrl,
        fileName: options.feedFileName,
        signal: controller.signal,
        timeoutMs: options.feedTimeoutMs,
      })
      failures = 0
      if (!gt(release.version, options.currentVersion)) {
        set({ state: 'up_to_date', version: options.currentVersion })
        return schedule(checkIntervalMs)
      }
      if (!options.installer.installsHere) {
        set({ state: 'available', version: release.version, installsHere: false })
        return schedule(checkIntervalMs)
      }
      set({ state: 'downloading', version: release.version })
      options.installer.setInstallOnQuit(true)
      try {
        await options.installer.download({ feedUrl, version: release.version, signal: controller.signal })
      } catch (error) {
        if (controller.signal.aborted) throw error
        throw new UpdateFeedError('download_failed')
      }
      // Installed when the app quits; a still newer release is looked for after that, from the new version.
      set({ state: 'ready', version: release.version })
    } catch (error) {
      if (controller.signal.aborted) return
      const failure = error instanceof UpdateFeedError ? error.failure : 'unreachable'
      failures += 1
      log('warn', 'update check failed', { failure, attempt: failures })
      set({ state: 'failed', failure })
      schedule(backoffDelay(failureBackoff, failures - 1, clock.random))
    } finally {
      if (running === controller) running = null
    }
  }

  return {
    status: () => status,
    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start() {
      if (options.settings().updatesEnabled) schedule(firstCheckDelayMs)
    },
    settingsChanged() {
      if (isDisposed) return
      const settings = options.settings()
      const nextFeedUrl = updateFeedAddress(settings.updateFeedUrl)
      if (!settings.updatesEnabled) {
        stop()
        if (options.installer.installsHere) options.installer.setInstallOnQuit(false)
        if (status.state !== 'off') set({ state: 'off' })
        return
      }
      const isNewFeed = nextFeedUrl !== feedUrl
      feedUrl = nextFeedUrl
      // A downloaded update installs on quit whichever feed is set now; the next launch checks the new one.
      if (status.state === 'ready') return
      if (status.state !== 'off' && !isNewFeed) return
      stop()
      failures = 0
      schedule(0)
    },
    dispose() {
      isDisposed = true
      stop()
      listeners.clear()
    },
  }
}
