import type { StoredEvent } from './case-model'
import type { SseFraming } from './options'

export function formatStoredEvent(event: StoredEvent, framing: SseFraming): string {
  const name = framing === 'named' ? `event: ${event.type}\n` : ''
  return `id: ${event.id}\n${name}data: ${event.json}\n\n`
}

/**
 * heartbeat and stream_closed are never stored and carry no `id:` line, so they do not move the
 * client's Last-Event-ID.
 */
export function formatTransientEvent(type: 'heartbeat' | 'stream_closed', body: object, framing: SseFraming): string {
  const name = framing === 'named' ? `event: ${type}\n` : ''
  return `${name}data: ${JSON.stringify({ type, ...body })}\n\n`
}

export function formatRetry(retryMs: number): string {
  return `retry: ${retryMs}\n\n`
}
