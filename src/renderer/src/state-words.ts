import type { CaseView } from '@shared/case-view'
import { formatAgo, formatCountdown, formatDateTime } from './time-words'

export type StateTone = 'live' | 'working' | 'quiet' | 'warning' | 'muted' | 'success' | 'danger'

export interface StateWords {
  text: string
  tone: StateTone
  /** A longer explanation for a tooltip. */
  detail: string
}

export type StateInput = Pick<CaseView, 'state' | 'followedBy' | 'nextAttemptAt' | 'completedAt'>

export function describeState(view: StateInput, now: number): StateWords {
  switch (view.state) {
    case 'connecting':
      return { text: 'Connecting…', tone: 'working', detail: 'Opening a live connection to this case.' }
    case 'live':
      return { text: 'Live', tone: 'live', detail: 'Receiving live updates.' }
    case 'reconnecting': {
      const waitMs = view.nextAttemptAt === null ? 0 : view.nextAttemptAt - now
      const text = waitMs > 0 ? `Reconnecting in ${formatCountdown(waitMs)}` : 'Reconnecting…'
      return { text, tone: 'warning', detail: 'The live connection dropped; the app will try again.' }
    }
    case 'polling':
      // Followed through the case listings: normal when more cases are watched than get a live stream.
      if (view.followedBy === 'list') {
        return {
          text: 'Periodic updates',
          tone: 'quiet',
          detail: 'Live streams go to the cases on screen and pinned cases first; this one is checked periodically.',
        }
      }
      return {
        text: 'Polling (stream blocked)',
        tone: 'warning',
        detail: 'Live updates are blocked on this network (often by a proxy), so the app checks periodically.',
      }
    case 'offline':
      return { text: 'Offline', tone: 'muted', detail: 'No network. Updates resume when the connection is back.' }
    case 'paused':
      return { text: 'Paused', tone: 'muted', detail: 'Watching is paused from the tray menu. Resume it there to catch up.' }
    case 'completed':
      return view.completedAt === null
        ? { text: 'Completed', tone: 'success', detail: 'Veridox finished analysing this case.' }
        : {
            text: `Completed · ${formatAgo(view.completedAt, now)}`,
            tone: 'success',
            detail: `Veridox finished analysing this case on ${formatDateTime(view.completedAt)}.`,
          }
    case 'not_found':
      return { text: 'Not found', tone: 'danger', detail: 'Veridox has no case with this ID in the selected region.' }
    case 'unauthorized':
      return { text: 'Key rejected', tone: 'danger', detail: 'Veridox rejected the API key for this case.' }
    case 'failed':
      return { text: 'Failed', tone: 'danger', detail: 'Following this case failed.' }
  }
}

/** Whether the words change with the clock, so only those chips subscribe to the ticking clock. */
export function dependsOnClock(view: StateInput): boolean {
  return (view.state === 'reconnecting' && view.nextAttemptAt !== null) || (view.state === 'completed' && view.completedAt !== null)
}
