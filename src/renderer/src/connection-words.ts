import type { ConnectionView } from '@shared/connection-view'
import type { IconName } from './components/AppIcon.vue'

export type ConnectionTone = 'live' | 'working' | 'warning' | 'muted' | 'danger'

export interface ConnectionWords {
  text: string
  /** A longer explanation for a tooltip and for screen readers. */
  detail: string
  tone: ConnectionTone
  /** Each state has its own shape, so none is told by colour alone. */
  icon: IconName
}

const cases = (count: number): string => `${count} ${count === 1 ? 'case' : 'cases'}`

function isSameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString()
}

/** A time of day, with the date in front when it is not today. */
function timeOfDay(epochMs: number, now: number, withSeconds: boolean): string {
  const time = new Date(epochMs).toLocaleTimeString(undefined, {
    hour: 'numeric',
    minute: '2-digit',
    ...(withSeconds && { second: '2-digit' }),
  })
  if (isSameDay(epochMs, now)) return time
  return `${new Date(epochMs).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}, ${time}`
}

function followedSentence({ counts }: ConnectionView): string {
  const parts = [
    counts.streaming > 0 && `${cases(counts.streaming)} on live updates`,
    counts.listed > 0 && `${counts.listed} checked periodically`,
    counts.polled > 0 && `${counts.polled} polled because their live updates kept failing`,
  ].filter((part): part is string => typeof part === 'string')
  return parts.length === 0 ? 'No case is being followed right now.' : `${parts.join(', ')}.`
}

export function describeConnection(connection: ConnectionView, now: number): ConnectionWords {
  switch (connection.state) {
    case 'live':
      return { text: 'Live', detail: followedSentence(connection), tone: 'live', icon: 'activity' }
    case 'connecting':
      return { text: 'Connecting…', detail: 'Reaching Veridox for the first updates.', tone: 'working', icon: 'retry' }
    case 'offline':
      return {
        text: `Offline since ${timeOfDay(connection.since ?? now, now, false)}`,
        detail:
          'Veridox cannot be reached. The app tests the connection now and then and catches up when it is back; until then each case shows its last update.',
        tone: 'muted',
        icon: 'wifi-off',
      }
    case 'rate_limited':
      return {
        text: `Rate-limited until ${timeOfDay(connection.until ?? now, now, true)}`,
        detail: 'Veridox asked the app to slow down. Updates resume by themselves then; nothing is lost.',
        tone: 'warning',
        icon: 'clock',
      }
    case 'streams_blocked':
      return {
        text: 'Live updates blocked by a proxy',
        detail: `A proxy or firewall on this network blocks live updates, so ${cases(connection.counts.polled)} are checked every few minutes instead. The app tries live updates again now and then.`,
        tone: 'warning',
        icon: 'shield',
      }
    case 'key_rejected':
      return {
        text: 'Key rejected',
        detail: 'Veridox rejected the API key, so no case is followed. Save a new key in Settings.',
        tone: 'danger',
        icon: 'key',
      }
    case 'paused':
      return { text: 'Paused', detail: 'Watching is paused from the tray menu. Resume it there to catch up.', tone: 'muted', icon: 'pause' }
  }
}
