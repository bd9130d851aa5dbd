// Tells a failed Electron download apart from every other packaging failure, from the error @electron/get
// passes up through electron-builder (got's HTTPError, RequestError, TimeoutError, …: each carries the URL).
import { basename } from 'node:path'

/**
 * @param {unknown} error what electron-builder's build() rejected with
 * @param {string} electronVersion the project's pinned Electron version
 * @returns {string | null} the one sentence to print, or null when the error is not a failed Electron download
 */
export function electronDownloadFailure(error, electronVersion) {
  const url = requestedUrl(error)
  if (!url) return null
  const file = basename(url.pathname)
  const isElectron =
    file.startsWith(`electron-v${electronVersion}-`) || (file === 'SHASUMS256.txt' && url.pathname.includes(electronVersion))
  if (!isElectron) return null
  // url.host never includes a mirror's user name or password.
  return (
    `npm run dist cannot build the installers here: the Electron ${electronVersion} runtime could not be downloaded from ${url.host} ` +
    '(run it where GitHub is reachable, or set ELECTRON_MIRROR to a mirror that has it).'
  )
}

/** @param {unknown} error */
function requestedUrl(error) {
  if (typeof error !== 'object' || error === null || !('options' in error)) return null
  const options = /** @type {{ url?: unknown }} */ (error.options)
  return options?.url instanceof URL ? options.url : null
}
