/** The part of updating only an installed copy can do: download, verify the signature and hash, install on quit. */
export interface UpdateInstaller {
  /** False for a copy that cannot replace itself (run from source): the check still runs, nothing is downloaded. */
  readonly installsHere: boolean
  /** Resolves once `version` from `feedUrl` is downloaded, verified and set to install when the app quits. */
  download(request: { feedUrl: string; version: string; signal: AbortSignal }): Promise<void>
  /** Switched off after a download, the staged update must not install on quit after all. */
  setInstallOnQuit(isEnabled: boolean): void
}

/** A copy run from source or unpacked: it has no installer to replace, so it only reports what the feed offers. */
export const runFromSource: UpdateInstaller = {
  installsHere: false,
  download: () => Promise.reject(new Error('updates apply to installed copies only')),
  setInstallOnQuit: () => undefined,
}
