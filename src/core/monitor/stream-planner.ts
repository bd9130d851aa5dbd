import type { CaseProblem } from '../../shared/case-view'
import { planStreamSlots } from '../policy/stream-slots'
import type { ParsedMessage } from '../veridox/progress-event'
import type { Fetch } from '../veridox/veridox-client'
import type { MonitorContext } from './monitor-context'
import { startStreamSession } from './stream-session'
import type { TrackedCase } from './tracked-case'

export interface StreamPlanner {
  replan(options?: { spreadMs?: number }): void
  stopStream(tracked: TrackedCase): void
  /** Followed through /progress/poll: its stream keeps failing, or a proxy blocks streams and it deserves one. */
  isPolled(tracked: TrackedCase): boolean
  wasPlanned(tracked: TrackedCase): boolean
}

interface PlannerDependencies {
  context: MonitorContext
  apiKey: string
  fetch: Fetch
  streamsPerKey: number
  touch(tracked: TrackedCase): void
  applyMessages(tracked: TrackedCase, messages: readonly ParsedMessage[]): void
  onRequestError(tracked: TrackedCase, error: unknown): void
  kickPoller(): void
  kickReconciler(): void
}

/** Gives a closing stream time to be counted as closed by Veridox before its slot is reused. */
const slotHandoverMs = 250
const afterServerCloseMs = 30_000

const droppedProblem: CaseProblem = { code: 'network_unreachable', message: 'The live connection dropped; reconnecting.' }

export function createStreamPlanner(deps: PlannerDependencies): StreamPlanner {
  const { context } = deps
  const { clock, tuning, log } = context
  let planned = new Set<string>()
  let streamsBlockedUntil = 0

  const streamsBlocked = (): boolean => streamsBlockedUntil > clock.now()
  const inPollFallback = (tracked: TrackedCase, now: number): boolean =>
    tracked.pollFallbackUntil !== null && tracked.pollFallbackUntil > now

  function endSession(tracked: TrackedCase): void {
    tracked.session = null
    tracked.streamGeneration += 1
    tracked.streamStatus = null
    tracked.nextAttemptAt = null
  }

  function stopStream(tracked: TrackedCase): void {
    tracked.session?.stop()
    endSession(tracked)
  }

  function startStream(tracked: TrackedCase, startDelayMs: number): void {
    const generation = ++tracked.streamGeneration
    const isCurrent = (): boolean => tracked.streamGeneration === generation && context.cases.get(tracked.caseId) === tracked
    tracked.streamStatus = 'connecting'
    tracked.session = startStreamSession(
      {
        caseId: tracked.caseId,
        url: context.client.streamUrl(tracked.caseId),
        apiKey: deps.apiKey,
        fetch: deps.fetch,
        clock,
        tuning: tuning.stream,
        lastEventId: () => tracked.lastEventId,
        startDelayMs,
      },
      {
        onMessage(message) {
          if (isCurrent()) deps.applyMessages(tracked, [message])
        },
        onStatus(status) {
          if (!isCurrent()) return
          if (status.kind === 'live') {
            tracked.streamStatus = 'live'
            tracked.nextAttemptAt = null
            tracked.problem = null
            tracked.lastFreshAt = clock.now()
          } else if (status.kind === 'connecting') {
            tracked.streamStatus = 'connecting'
          } else {
            tracked.streamStatus = 'reconnecting'
            tracked.nextAttemptAt = status.nextAttemptAt
            tracked.problem = status.error ? status.error.toData() : droppedProblem
          }
          deps.touch(tracked)
        },
        onReconnected() {
          if (!isCurrent()) return
          tracked.snapshotWanted ??= 'gap'
          deps.kickReconciler()
        },
        onGiveUp(reason, error) {
          if (!isCurrent()) return
          endSession(tracked)
          const now = clock.now()
          if (reason === 'repeated_failures') {
            tracked.pollFallbackUntil = now + Math.min(tuning.pollFallbackMaxMs, tuning.pollFallbackMs * 2 ** tracked.pollFallbacks)
            tracked.pollFallbacks += 1
            tracked.problem = {
              code: error?.code ?? 'network_unreachable',
              message: 'The live connection kept failing; following this case by polling for now.',
            }
          } else {
            streamsBlockedUntil = now + tuning.streamsBlockedRetryMs
            log('warn', 'live streams look blocked by a proxy; following cases by polling for now', { reason })
            tracked.problem = {
              code: 'proxy_interference',
              message: 'A proxy or firewall is interfering with live updates; following by polling for now.',
            }
          }
          tracked.nextPollAt = now
          tracked.snapshotWanted ??= 'gap'
          deps.touch(tracked)
          replan()
          deps.kickReconciler()
        },
        onRefused(error) {
          if (!isCurrent()) return
          endSession(tracked)
          deps.onRequestError(tracked, error)
          replan()
        },
        onServerClosed() {
          if (!isCurrent()) return
          endSession(tracked)
          // stream_closed means the analysis is over; a snapshot confirms it before anything reconnects.
          tracked.noStreamUntil = clock.now() + afterServerCloseMs
          tracked.snapshotWanted ??= 'gap'
          deps.touch(tracked)
          deps.kickReconciler()
          replan()
        },
      },
    )
  }

  function replan(options: { spreadMs?: number } = {}): void {
    if (!context.isRunning()) return
    const now = clock.now()
    const candidates = [...context.cases.values()]
      .filter((t) => !t.terminal && t.finalizeDeadline === null && !inPollFallback(t, now) && t.noStreamUntil <= now)
      .map((t) => ({
        caseId: t.caseId,
        isPinned: t.isPinned,
        isVisible: t.isVisible,
        isInAnalysis: t.state.files.some((file) => file.status === 'processing'),
        holdsSlot: t.session !== null,
        addedAt: t.addedAt,
      }))
    planned = planStreamSlots(candidates, deps.streamsPerKey)
    const isBlocked = streamsBlocked()
    let freedSlot = false
    for (const tracked of context.cases.values()) {
      if (tracked.pollFallbackUntil !== null && tracked.pollFallbackUntil <= now) tracked.pollFallbackUntil = null
      if (tracked.session && (isBlocked || !planned.has(tracked.caseId))) {
        stopStream(tracked)
        deps.touch(tracked)
        freedSlot = true
      }
    }
    if (!isBlocked) {
      for (const caseId of planned) {
        const tracked = context.cases.get(caseId)
        if (!tracked || tracked.session) continue
        startStream(tracked, (freedSlot ? slotHandoverMs : 0) + (options.spreadMs ? clock.random() * options.spreadMs : 0))
        deps.touch(tracked)
      }
    }
    deps.kickPoller()
  }

  return {
    replan,
    stopStream,
    isPolled(tracked) {
      if (tracked.terminal || tracked.session) return false
      return inPollFallback(tracked, clock.now()) || (streamsBlocked() && planned.has(tracked.caseId))
    },
    wasPlanned: (tracked) => planned.has(tracked.caseId),
  }
}
