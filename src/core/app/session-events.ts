import type { CompletionAnnouncement, UnreachableCase } from '../monitor/case-monitor'
import type { Clock } from '../runtime/clock'
import type { BackendSession } from './backend-session'
import { createConnectionFeed } from './connection-feed'
import { createDeltaBatcher, type EventSink } from './delta-batcher'
import { createPacedCall } from '../runtime/paced-call'

/** Carries one session's monitor events to the renderer (batched) and to the app; the returned function stops it. */
export function forwardSessionEvents(
  session: BackendSession,
  options: {
    clock: Clock
    intervalMs: number
    send: EventSink
    onFlushed(): void
    onAnnounced(announcement: CompletionAnnouncement): void
    onKeyRejected(): void
    onUnreachable(problem: UnreachableCase): void
  },
): () => void {
  const { monitor } = session
  const connection = createConnectionFeed({ monitor, clock: options.clock, send: options.send })
  // The connection reads every watched case: after the batches, a few times a second at most, however fast they go.
  const connectionCheck = createPacedCall(options.clock, 250, connection.check)
  const batcher = createDeltaBatcher({
    clock: options.clock,
    intervalMs: options.intervalMs,
    view: (caseId) => monitor.view(caseId),
    send: options.send,
    // The tray's summary follows the batches, not every event: it counts every case.
    onFlushed() {
      connectionCheck.request()
      options.onFlushed()
    },
  })
  const stops = [
    monitor.onChanged((caseId) => batcher.changed(caseId)),
    monitor.onRemoved((caseId) => batcher.removed(caseId)),
    monitor.onAnnounced((announcement) => options.onAnnounced(announcement)),
    monitor.onKeyRejected(() => options.onKeyRejected()),
    monitor.onUnreachable((problem) => options.onUnreachable(problem)),
    monitor.onAccountChanged(connection.check),
  ]
  connection.check()
  return () => {
    connectionCheck.cancel()
    connection.dispose()
    for (const stop of stops) stop()
    batcher.dispose()
  }
}
