import type { UpdateFailure, UpdateStatus } from '@shared/updates'

const failureReasons: Record<Exclude<UpdateFailure, 'download_failed'>, string> = {
  unreachable: 'the update server cannot be reached',
  timed_out: 'the update server did not answer in time',
  not_found: 'the update feed has no release for this computer',
  server_error: 'the update server reported an error',
  not_a_feed: 'the update address answered with something other than a release (a sign-in page or a proxy may be in the way)',
}

/** One line for the Settings panel: where updates stand, in words. */
export function describeUpdate(status: UpdateStatus): string {
  switch (status.state) {
    case 'off':
      return 'Automatic update checks are off.'
    case 'waiting':
      return 'Case Monitor looks for updates in the background.'
    case 'checking':
      return 'Checking for updates…'
    case 'up_to_date':
      return `Case Monitor ${status.version} is up to date.`
    case 'available':
      return status.installsHere
        ? `Case Monitor ${status.version} is available.`
        : `Case Monitor ${status.version} is available. This copy is not an installed one, so it cannot update itself.`
    case 'downloading':
      return `Downloading Case Monitor ${status.version}…`
    case 'ready':
      return `Case Monitor ${status.version} is ready — it installs when you quit.`
    case 'failed':
      return status.failure === 'download_failed'
        ? 'The new version could not be downloaded and verified. Case Monitor tries again later.'
        : `Could not check for updates: ${failureReasons[status.failure]}. Case Monitor tries again later.`
  }
}
