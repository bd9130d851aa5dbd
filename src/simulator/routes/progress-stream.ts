import { eventsAfter, subscribe } from '../case-analysis'
import type { SimCase, StoredEvent } from '../case-model'
import type { SimulatorContext } from '../context'
import { formatRetry, formatStoredEvent, formatTransientEvent } from '../sse-format'
import { createStreamOutput } from '../stream-output'
import type { StreamSession } from '../stream-registry'
import type { AuthenticatedRequest } from './route-types'

export function openProgressStream(ctx: SimulatorContext, request: AuthenticatedRequest & { c: SimCase; release: () => void }): void {
  const { req, res, c, key } = request
  const framing = ctx.options.framing
  const header = req.headers['last-event-id']
  const lastEventId = typeof header === 'string' && header.trim() !== '' ? header.trim().toLowerCase() : null

  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  res.flushHeaders()
  ctx.stats.streamOpened(key.key)
  const output = createStreamOutput(res, ctx.faults.forStream(c.id), { onEventWritten: ctx.stats.eventSent })

  const closeAfterCompletion = () => {
    const body = { timestamp: ctx.now(), message: 'Analysis complete; the stream is closed.' }
    output.write(formatTransientEvent('stream_closed', body, framing), false)
    output.end()
  }
  const send = (event: StoredEvent): void => {
    output.write(formatStoredEvent(event, framing), true)
    ctx.options.onEventSent?.(c.id, event)
  }
  let unsubscribe = () => {}
  const session: StreamSession = {
    key: key.key,
    caseId: c.id,
    heartbeat() {
      if (output.isSilent()) return
      output.write(formatTransientEvent('heartbeat', { timestamp: ctx.now() }, framing), false)
      ctx.stats.heartbeatSent()
    },
    endQuietly: () => output.endNow(),
  }
  res.on('close', () => {
    output.dispose()
    unsubscribe()
    ctx.streams.remove(session)
    request.release()
    ctx.stats.streamClosed(key.key)
  })

  output.write(formatRetry(ctx.options.retryMs), false)
  for (const event of eventsAfter(c, lastEventId)) send(event)
  if (c.completedAt !== null) return closeAfterCompletion()
  if (output.isEnded()) return
  unsubscribe = subscribe(c, {
    onEvent(event) {
      send(event)
      if (event.type === 'case.analysis.completed') closeAfterCompletion()
    },
    onGone: () => output.endNow(),
  })
  ctx.streams.add(session)
}
