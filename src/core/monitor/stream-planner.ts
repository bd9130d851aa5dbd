import type { CaseProblem } from '../../shared/case-view'
import { outageEvidenceOf } from '../policy/outage-detector'
import { createProxyEvidence } from '../policy/proxy-evidence'
import { planStreamSlots } from '../policy/stream-slots'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { VeridoxClient } from '../veridox/veridox-client'
import type { VeridoxError } from '../veridox/veridox-error'
import { analysisPhase, isFollowed, isInAnalysis, type CaseFacts } from './case-record'
import type { MonitorBus } from './monitor-bus'
import type { MonitorTuning } from './monitor-tuning'
import { createStreamFallbacks, proxyProblem } from './stream-fallbacks'
import { startStreamSession, type GiveUpReason, type StreamSession, type StreamStatus } from './stream-session'

export type StreamStatusName = 'connecting' | 'live' | 'reconnecting'

/** How one case is followed right now, as far as streams are concerned. */
export interface Transport {
  status: StreamStatusName | null
  nextAttemptAt: number | null
  problem: CaseProblem | null
  isPolled: boolean
}

function transportOfStream(status: StreamStatus): Transport {
  if (status.kind !== 'waiting') return { status: status.kind, nextAttemptAt: null, problem: null, isPolled: false }
  const problem = status.error ? status.error.toData() : droppedProblem
  return { status: 'reconnecting', nextAttemptAt: status.nextAttemptAt, problem, isPolled: false }
}

/** Gives a closing stream time to be counted as closed by Veridox before its slot is reused. */
const slotHandoverMs = 250
/** After stream_closed the analysis is over: a snapshot confirms it before anything reconnects. */
const afterServerCloseMs = 30_000

/**
 * A stream replays the case's events as soon as it is live: one still silent this long after shows a
 * case whose analysis has not started. Its slot may then go to a case not looked at yet, so the slots
 * find the analysing cases without spending a request (a first look by GET waits for spare budget).
 */
const replayGraceMs = 2_000

const droppedProblem: CaseProblem = { code: 'network_unreachable', message: 'The live connection dropped; reconnecting.' }

interface PlannerDependencies {
  client: VeridoxClient
  clock: Clock
  log: Log
  tuning: MonitorTuning
  bus: MonitorBus
  records: ReadonlyMap<string, CaseFacts>
  streamsPerKey: number
}

/**
 * Decides which cases hold the key's few stream slots and runs those streams. Owns the sessions, each
 * case's poll fallback after failing streams, and the evidence that a proxy blocks streams for the key.
 */
export function createStreamPlanner(deps: PlannerDependencies) {
  const { clock, tuning, log, bus, records } = deps
  const active = new Map<string, StreamSession>()
  const fallbacks = createStreamFallbacks(tuning, clock.now)
  const closedUntil = new Map<string, number>()
  const evidence = createProxyEvidence(tuning.proxy, clock.now)
  const silentSince = new Map<string, number>()
  const showedNoAnalysis = new Set<string>()
  let planned = new Set<string>()
  let wasBlocked = false
  let nextCanaryAt = 0

  function stop(caseId: string): void {
    silentSince.delete(caseId)
    active.get(caseId)?.stop()
    active.delete(caseId)
    evidence.noteEnded(caseId)
  }

  function noteBlocking(): void {
    const isBlocked = evidence.isBlocked()
    if (isBlocked === wasBlocked) return
    wasBlocked = isBlocked
    if (isBlocked) log('warn', 'live streams look blocked by a proxy for every case; following by polling and testing a canary stream')
    else log('info', 'live streams work again')
    bus.emit('planChanged', undefined)
    bus.emit('accountChanged', undefined)
  }

  function giveUp(caseId: string, reason: GiveUpReason, error: VeridoxError | null): void {
    fallbacks.fallBack(caseId, reason, error)
    if (reason !== 'repeated_failures') {
      evidence.noteInterference(caseId)
      log('info', 'a proxy interfered with one case’s stream; polling that case for now', { caseId, reason })
    }
    noteBlocking()
    bus.emit('snapshotWanted', { caseId, reason: 'gap', at: clock.now() })
  }

  function start(caseId: string, startDelayMs: number): void {
    let session: StreamSession | null = null
    const isCurrent = (): boolean => session !== null && active.get(caseId) === session
    const ended = (): void => {
      active.delete(caseId)
      evidence.noteEnded(caseId)
      bus.emit('caseChanged', caseId)
      bus.emit('planChanged', undefined)
    }
    session = startStreamSession(
      {
        open: (lastEventId, handlers) => deps.client.openStream(caseId, lastEventId, handlers),
        clock,
        tuning: tuning.stream,
        lastEventId: () => records.get(caseId)?.lastEventId ?? null,
        startDelayMs,
      },
      {
        onMessage(message) {
          if (!isCurrent()) return
          if (message.kind === 'event') {
            silentSince.delete(caseId)
            showedNoAnalysis.delete(caseId)
          }
          evidence.noteHealthy(caseId)
          noteBlocking()
          bus.emit('answered', { kind: 'stream-message', caseId, message })
        },
        onStatus(status) {
          if (!isCurrent()) return
          if (status.kind === 'live') {
            if (!showedNoAnalysis.has(caseId) && !silentSince.has(caseId)) silentSince.set(caseId, clock.now())
            bus.emit('answered', { kind: 'stream-live', caseId })
          }
          if (status.kind === 'waiting') {
            evidence.noteEnded(caseId)
            if (outageEvidenceOf(status.error)) bus.emit('answered', { kind: 'failed', caseId, error: status.error })
          }
          bus.emit('caseChanged', caseId)
        },
        onReconnected() {
          if (isCurrent()) bus.emit('snapshotWanted', { caseId, reason: 'gap', at: clock.now() })
        },
        onGiveUp(reason, error) {
          if (!isCurrent()) return
          giveUp(caseId, reason, error)
          ended()
        },
        onRefused(error) {
          if (!isCurrent()) return
          ended()
          bus.emit('answered', { kind: 'failed', caseId, error })
        },
        onServerClosed() {
          if (!isCurrent()) return
          closedUntil.set(caseId, clock.now() + afterServerCloseMs)
          bus.emit('snapshotWanted', { caseId, reason: 'gap', at: clock.now() })
          ended()
        },
      },
    )
    active.set(caseId, session)
  }

  /** While streams are blocked for the key, one planned case at a time tries a stream now and then. */
  function allowedStreams(now: number): Set<string> {
    if (!evidence.isBlocked()) return planned
    const canary = [...active.keys()].find((caseId) => planned.has(caseId))
    if (canary) return new Set([canary])
    const first = planned.values().next()
    if (first.done || now < nextCanaryAt) return new Set()
    nextCanaryAt = now + tuning.proxy.canaryIntervalMs
    return new Set([first.value])
  }

  function plan(options: { spreadMs?: number } = {}): void {
    const now = clock.now()
    for (const [caseId, since] of silentSince) {
      if (now - since < replayGraceMs) continue
      silentSince.delete(caseId)
      showedNoAnalysis.add(caseId)
    }
    const candidates = [...records.values()]
      .filter(
        (f) => isFollowed(f) && f.finalizeDeadline === null && !fallbacks.isActive(f.caseId) && (closedUntil.get(f.caseId) ?? 0) <= now,
      )
      .map((f) => ({
        caseId: f.caseId,
        isPinned: f.isPinned,
        isVisible: f.isVisible,
        isInAnalysis: isInAnalysis(f),
        isWaitingForUpload: analysisPhase(f) === 'waiting' || (analysisPhase(f) === 'unknown' && showedNoAnalysis.has(f.caseId)),
        holdsSlot: active.has(f.caseId),
        addedAt: f.addedAt,
      }))
    planned = planStreamSlots(candidates, deps.streamsPerKey)
    const allowed = allowedStreams(now)
    let freedSlot = false
    for (const caseId of [...active.keys()]) {
      if (allowed.has(caseId)) continue
      stop(caseId)
      bus.emit('caseChanged', caseId)
      freedSlot = true
    }
    const starting = [...allowed].filter((caseId) => !active.has(caseId))
    starting.forEach((caseId, index) => {
      // Each stream gets its own share of the spread, jittered within it: spread out even when chance would bunch them.
      const spread = options.spreadMs ? ((index + clock.random()) / starting.length) * options.spreadMs : 0
      start(caseId, (freedSlot ? slotHandoverMs : 0) + spread)
      bus.emit('caseChanged', caseId)
    })
  }

  function isPolled(caseId: string): boolean {
    if (active.has(caseId)) return false
    return fallbacks.isActive(caseId) || (evidence.isBlocked() && planned.has(caseId))
  }

  return {
    plan,
    stopAll(): void {
      for (const caseId of [...active.keys()]) stop(caseId)
    },
    forget(caseId: string): void {
      stop(caseId)
      showedNoAnalysis.delete(caseId)
      fallbacks.forget(caseId)
      closedUntil.delete(caseId)
    },
    /** The analyst asked to try again: the case's stream failures are forgotten. */
    forgetFailures(caseId: string): void {
      fallbacks.forget(caseId)
      closedUntil.delete(caseId)
    },
    isPolled,
    isStreamed: (caseId: string): boolean => active.has(caseId),
    isStreamLive: (caseId: string): boolean => active.get(caseId)?.status.kind === 'live',
    wasPlanned: (caseId: string): boolean => planned.has(caseId),
    areStreamsBlocked: (): boolean => evidence.isBlocked(),
    streamingCount: (): number => active.size,
    transportOf(caseId: string): Transport {
      const stream = active.get(caseId)
      if (stream) return transportOfStream(stream.status)
      const polled = isPolled(caseId)
      return { status: null, nextAttemptAt: null, problem: fallbacks.problemOf(caseId) ?? (polled ? proxyProblem : null), isPolled: polled }
    },
  }
}
