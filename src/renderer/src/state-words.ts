import type { CaseView } from '@shared/case-view'
import { triageGroup, type TriageInput } from '@shared/case-triage'
import { formatAgo, formatCountdown, formatDateTime } from './time-words'

export type StateTone = 'live' | 'working' | 'quiet' | 'warning' | 'muted' | 'success' | 'danger'

export interface StateWords {
  text: string
  tone: StateTone
  /** A longer explanation for a tooltip. */
  detail: string
}

export type StateInput = Pick<CaseView, 'state' | 'followedBy' | 'nextAttemptAt' | 'completedAt' | 'problem'> & TriageInput

// The outcome first: once every file has its result the case is judged by it, even before Veridox confirms the case.
function outcomeWords(view: StateInput, needsReview: boolean, now: number): StateWords {
  const text = needsReview ? 'Needs review' : 'Done'
  const tone: StateTone = needsReview ? 'warning' : 'success'
  const why = needsReview
    ? 'A file could not be analysed, the risk is medium or high, or it is not known.'
    : 'Every file was analysed with low or informational risk.'
  if (view.state !== 'completed') {
    return { text, tone, detail: `${why} Every file has its result; Veridox has not confirmed the case as finished yet.` }
  }
  if (view.completedAt === null) return { text, tone, detail: `${why} Veridox finished analysing this case.` }
  return {
    text: `${text} · ${formatAgo(view.completedAt, now)}`,
    tone,
    detail: `${why} Veridox finished analysing this case on ${formatDateTime(view.completedAt)}.`,
  }
}

const waitingWords: StateWords = {
  text: 'Waiting for upload',
  tone: 'quiet',
  detail: 'Veridox is waiting for the files of this case to be uploaded; analysis starts once they are.',
}

export function describeState(view: StateInput, now: number): StateWords {
  const group = triageGroup(view)
  if (group === 'review' || group === 'done') return outcomeWords(view, group === 'review', now)
  // Only while the case is followed normally: offline or reconnecting says more about the next few minutes.
  if (group === 'waiting' && (view.state === 'live' || view.state === 'polling' || view.state === 'connecting')) return waitingWords
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
      return outcomeWords(view, true, now)
    case 'not_found':
      return view.problem?.code === 'case_deleted'
        ? {
            text: 'Deleted in Veridox',
            tone: 'danger',
            detail: 'Veridox no longer has this case: it was deleted or moved out of your organisation.',
          }
        : { text: 'Not found', tone: 'danger', detail: 'Veridox has no case with this ID in the selected region.' }
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
