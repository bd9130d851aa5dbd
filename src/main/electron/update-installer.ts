import { autoUpdater, CancellationToken, type AppUpdater } from 'electron-updater'
import type { Log } from '../../core/runtime/log'
import { runFromSource, type UpdateInstaller } from '../../core/updates/update-installer'

function configuredAutoUpdater(log: Log): AppUpdater {
  // Reading `autoUpdater` constructs the platform's updater (from the app's paths), so it is read only when there is something to download.
  // The core decides when to check and what to fetch; electron-updater downloads, verifies the sha512 (and on Windows the signature) and installs on quit.
  autoUpdater.autoDownload = false
  autoUpdater.autoInstallOnAppQuit = true
  autoUpdater.allowDowngrade = false
  // Its own lines carry paths and URLs: only that it spoke, at debug level, through our capped log.
  autoUpdater.logger = {
    info: () => log('debug', 'electron-updater reported progress'),
    warn: () => log('debug', 'electron-updater warned'),
    error: () => log('debug', 'electron-updater reported an error'),
  }
  return autoUpdater
}

/** electron-updater behind the core's port, for an installed copy; a copy run from source only checks (`runFromSource`). */
export function createUpdateInstaller(options: { isPackaged: boolean; log: Log }): UpdateInstaller {
  if (!options.isPackaged) return runFromSource
  let updater: AppUpdater | null = null
  const loaded = () => (updater ??= configuredAutoUpdater(options.log))
  let installOnQuit = true

  return {
    installsHere: true,
    async download({ feedUrl, version, signal }) {
      const updater = loaded()
      updater.autoInstallOnAppQuit = installOnQuit
      updater.setFeedURL({ provider: 'generic', url: feedUrl })
      const found = await updater.checkForUpdates()
      // The feed may have moved on between the core's check and this one: only the version the analyst is shown is installed.
      if (found?.updateInfo.version !== version) throw new Error('the feed now offers another version')
      const cancellation = new CancellationToken()
      const cancel = () => cancellation.cancel()
      signal.addEventListener('abort', cancel, { once: true })
      try {
        await updater.downloadUpdate(cancellation)
      } finally {
        signal.removeEventListener('abort', cancel)
        cancellation.dispose()
      }
    },
    setInstallOnQuit(isEnabled) {
      installOnQuit = isEnabled
      if (updater) updater.autoInstallOnAppQuit = isEnabled
    },
  }
}
