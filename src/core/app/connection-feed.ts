import type { ConnectionView } from '../../shared/connection-view'
import type { CaseMonitor } from '../monitor/case-monitor'
import { sameConnection } from '../monitor/connection-view-model'
import type { Clock } from '../runtime/clock'
import type { EventSink } from './delta-batcher'

/**
 * Sends the account's connection when it differs from what was last sent. Checked after each case batch
 * and each account change; a rate limit ends with no event of its own, so a timer checks at its end.
 */
export function createConnectionFeed(options: { monitor: Pick<CaseMonitor, 'connection'>; clock: Clock; send: EventSink }) {
  let sent: ConnectionView | null = null
  let cancelExpiry: (() => void) | null = null

  function check(): void {
    const connection = options.monitor.connection()
    if (sent && sameConnection(sent, connection)) return
    sent = connection
    cancelExpiry?.()
    cancelExpiry = null
    if (connection.until !== null) {
      const waitMs = Math.max(0, connection.until - options.clock.now())
      cancelExpiry = options.clock.setTimeout(check, waitMs + 1)
    }
    options.send('connectionChanged', connection)
  }

  return {
    check,
    dispose(): void {
      cancelExpiry?.()
      cancelExpiry = null
    },
  }
}
