import { backoffDelay, type BackoffPolicy } from '../policy/backoff'
import type { Clock } from '../runtime/clock'
import type { ParsedMessage } from '../veridox/progress-event'
import type { ProgressStream, ProgressStreamHandlers, StreamFailure } from '../veridox/progress-stream'
import type { VeridoxError } from '../veridox/veridox-error'

export interface StreamTuning {
  backoff: BackoffPolicy
  /** Expected heartbeat spacing until heartbeats are observed (the docs do not give one). */
  heartbeatMs: number
  /** Silence of this many heartbeat intervals means the connection is dead (a half-open socket after sleep). */
  silenceFactor: number
  /** A connection that stayed up this long resets the failure count. */
  healthyAfterMs: number
  /** Consecutive failures after which the case is followed by polling instead. */
  failuresBeforeFallback: number
}

export const defaultStreamTuning: StreamTuning = {
  // Streams dropped together (a network blip, Veridox restarting) come back over 1–1.5 floors, not all at once.
  backoff: { floorMs: 1_000, capMs: 60_000, firstAttemptSpread: 0.5 },
  heartbeatMs: 30_000,
  silenceFactor: 2.5,
  healthyAfterMs: 30_000,
  failuresBeforeFallback: 4,
}

export type StreamStatus =
  { kind: 'connecting' } | { kind: 'live' } | { kind: 'waiting'; nextAttemptAt: number; error: VeridoxError | null }

export type GiveUpReason = 'repeated_failures' | 'proxy_interference' | 'buffering_proxy'

export interface StreamSessionEvents {
  onMessage(message: ParsedMessage): void
  onStatus(status: StreamStatus): void
  /** Connected again after a failure: events may have been missed, so reconcile. */
  onReconnected(): void
  onGiveUp(reason: GiveUpReason, error: VeridoxError | null): void
  /** 401, 403 or 404: retrying the stream cannot help. */
  onRefused(error: VeridoxError): void
  /** Veridox sent stream_closed: the analysis is over (or was when we connected). */
  onServerClosed(): void
}

export interface StreamSessionOptions {
  /** Opens one connection (VeridoxClient.openStream for this case). */
  open(lastEventId: string | null, handlers: ProgressStreamHandlers): ProgressStream
  clock: Clock
  tuning: StreamTuning
  lastEventId(): string | null
  startDelayMs?: number
}

export interface StreamSession {
  /** The last status reported to onStatus. */
  readonly status: StreamStatus
  stop(): void
}

const bufferingStrikesBeforeGiveUp = 2

/** One case's stream over time: connects, watches for silence, and reconnects with backoff. */
export function startStreamSession(options: StreamSessionOptions, events: StreamSessionEvents): StreamSession {
  const { clock, tuning } = options
  let stream: ProgressStream | null = null
  let cancelTimer: (() => void) | null = null
  let isStopped = false
  let failures = 0
  let bufferingStrikes = 0
  let retryFloorMs = tuning.backoff.floorMs
  let heartbeatMs = tuning.heartbeatMs
  let lastHeartbeatAt: number | null = null
  let lastActivityAt = 0
  let connectedAt: number | null = null
  let bytesThisConnection = 0
  let status: StreamStatus = { kind: 'connecting' }

  const report = (next: StreamStatus): void => {
    status = next
    events.onStatus(next)
  }

  const clearTimer = (): void => {
    cancelTimer?.()
    cancelTimer = null
  }

  /** Silence is counted from now; bytes only move `lastActivityAt`, and the timer checks it when it fires. */
  function armWatchdog(): void {
    lastActivityAt = clock.now()
    clearTimer()
    cancelTimer = clock.setTimeout(checkSilence, heartbeatMs * tuning.silenceFactor)
  }

  function checkSilence(): void {
    cancelTimer = null
    const quietMs = clock.now() - lastActivityAt
    const silenceMs = heartbeatMs * tuning.silenceFactor
    if (quietMs < silenceMs) cancelTimer = clock.setTimeout(checkSilence, silenceMs - quietMs)
    else onSilence()
  }

  function connect(): void {
    if (isStopped) return
    if (failures === 0) report({ kind: 'connecting' })
    connectedAt = null
    bytesThisConnection = 0
    armWatchdog()
    stream = options.open(options.lastEventId(), {
      onOpen() {
        connectedAt = clock.now()
        report({ kind: 'live' })
        if (failures > 0) events.onReconnected()
      },
      onActivity(byteCount) {
        bytesThisConnection += byteCount
        bufferingStrikes = 0
        // A busy stream sends many chunks a second: a timer set again for each would cost more than the events.
        lastActivityAt = clock.now()
      },
      onRetryHint(ms) {
        retryFloorMs = Math.min(tuning.backoff.capMs, Math.max(tuning.backoff.floorMs, ms))
      },
      onMessage(message) {
        if (message.kind === 'heartbeat') learnHeartbeat()
        if (message.kind === 'stream_closed') {
          stop()
          events.onServerClosed()
          return
        }
        events.onMessage(message)
      },
      onFailure: handleFailure,
    })
  }

  function learnHeartbeat(): void {
    const now = clock.now()
    // Adopt the server's real spacing so the watchdog is neither jumpy nor slow: armed again with the new one.
    if (lastHeartbeatAt !== null) {
      heartbeatMs = Math.min(300_000, Math.max(250, now - lastHeartbeatAt))
      armWatchdog()
    }
    lastHeartbeatAt = now
  }

  function onSilence(): void {
    cancelTimer = null
    const wasOpenButEmpty = connectedAt !== null && bytesThisConnection === 0
    stream?.close()
    stream = null
    // Headers arrived but not one byte since: a proxy holding the stream back until it has enough to send.
    if (wasOpenButEmpty && ++bufferingStrikes >= bufferingStrikesBeforeGiveUp) {
      stop()
      events.onGiveUp('buffering_proxy', null)
      return
    }
    handleFailure({ kind: 'dropped' })
  }

  function handleFailure(failure: StreamFailure): void {
    if (isStopped) return
    clearTimer()
    stream = null
    const error = failure.kind === 'dropped' ? null : failure.error
    if (error && ['key_rejected', 'forbidden', 'case_not_found'].includes(error.code)) {
      stop()
      events.onRefused(error)
      return
    }
    if (error?.code === 'proxy_interference') {
      stop()
      events.onGiveUp('proxy_interference', error)
      return
    }
    if (connectedAt !== null && clock.now() - connectedAt >= tuning.healthyAfterMs) failures = 0
    failures += 1
    // A 429 on the stream is Veridox's concurrent-stream limit: waiting is the answer, not polling.
    if (failures >= tuning.failuresBeforeFallback && error?.code !== 'rate_limited') {
      stop()
      events.onGiveUp('repeated_failures', error)
      return
    }
    const delay = backoffDelay({ ...tuning.backoff, floorMs: retryFloorMs }, failures - 1, clock.random, error?.retryAfterMs ?? null)
    report({ kind: 'waiting', nextAttemptAt: clock.now() + delay, error })
    cancelTimer = clock.setTimeout(connect, delay)
  }

  function stop(): void {
    isStopped = true
    clearTimer()
    stream?.close()
    stream = null
  }

  if (options.startDelayMs && options.startDelayMs > 0) {
    report({ kind: 'connecting' })
    cancelTimer = clock.setTimeout(connect, options.startDelayMs)
  } else {
    connect()
  }
  return {
    get status() {
      return status
    },
    stop,
  }
}
