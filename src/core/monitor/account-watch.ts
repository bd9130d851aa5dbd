import { createOutageDetector, outageEvidenceOf, type OutageEvidence, type OutageTuning } from '../policy/outage-detector'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import type { VeridoxClient } from '../veridox/veridox-client'
import { VeridoxError } from '../veridox/veridox-error'
import type { MonitorBus, VeridoxAnswer } from './monitor-bus'

interface AccountWatchDependencies {
  client: VeridoxClient
  clock: Clock
  log: Log
  tuning: OutageTuning
  bus: MonitorBus
  /** Everything stops: no stream, no request. */
  onPaused(): void
  /** Everything may run again; what was seen before is unconfirmed. */
  onResumed(): void
}

const retryAfterOf = (error: unknown): number | null => (error instanceof VeridoxError ? error.retryAfterMs : null)

/**
 * Owns what holds for the whole key: whether Veridox rejected it, whether the analyst paused watching,
 * whether the system says the network is gone, and whether the requests themselves show an outage (then one probe, backing off, tests
 * when Veridox can be reached again; nothing else is sent). A run of gateway errors is confirmed by one probe first.
 */
export function createAccountWatch(deps: AccountWatchDependencies) {
  const { clock, log, bus } = deps
  const outage = createOutageDetector(deps.tuning, clock.random)
  let isKeyRejected = false
  let isSystemOffline = false
  let isPaused = false
  let isDisposed = false
  let cancelProbe: (() => void) | null = null
  let isProbeOut = false
  let offlineSince: number | null = null

  const isOffline = (): boolean => isSystemOffline || outage.isOutage

  /** Called after anything that can change what holds for the whole key. */
  function accountChanged(): void {
    const isOfflineNow = isOffline()
    if (isOfflineNow !== (offlineSince !== null)) offlineSince = isOfflineNow ? clock.now() : null
    bus.emit('accountChanged', undefined)
  }
  const isRunning = (): boolean => !isDisposed && !isKeyRejected && !isPaused && !isOffline()

  function stopProbing(): void {
    cancelProbe?.()
    cancelProbe = null
  }

  function scheduleProbe(delayMs: number): void {
    stopProbing()
    cancelProbe = clock.setTimeout(() => {
      cancelProbe = null
      isProbeOut = true
      const settled = (): boolean => {
        isProbeOut = false
        return !isDisposed
      }
      // Any answer at all, even a refusal, proves Veridox can be reached again.
      deps.client.authStatus().then(
        () => settled() && reached(),
        (error: unknown) => {
          if (!settled()) return
          if (!outageEvidenceOf(error)) return reached()
          // A confirming probe failed as well: the gateway errors were Veridox down, not one case's trouble.
          if (outage.declare()) return startOutage(retryAfterOf(error))
          if (outage.isOutage && !isSystemOffline && !isPaused) scheduleProbe(outage.nextProbeDelay(retryAfterOf(error)))
        },
      )
    }, delayMs)
  }

  function startOutage(retryAfterMs: number | null): void {
    log('warn', 'Veridox cannot be reached; pausing every request and testing the connection now and then')
    accountChanged()
    if (!isSystemOffline && !isKeyRejected && !isPaused) deps.onPaused()
    if (!isSystemOffline && !isPaused) scheduleProbe(outage.nextProbeDelay(retryAfterMs))
  }

  function unreachable(evidence: OutageEvidence, error: unknown): void {
    if (isDisposed) return
    const verdict = outage.noteFailure(evidence)
    if (verdict === 'outage') startOutage(retryAfterOf(error))
    else if (verdict === 'confirm' && !cancelProbe && !isProbeOut && !isSystemOffline && !isPaused) scheduleProbe(0)
  }

  function reached(): void {
    if (isDisposed || !outage.noteReached()) return
    stopProbing()
    log('info', 'Veridox can be reached again')
    accountChanged()
    if (!isSystemOffline && !isKeyRejected && !isPaused) deps.onResumed()
  }

  function startAgain(): void {
    if (outage.isOutage) scheduleProbe(0)
    else if (!isKeyRejected) deps.onResumed()
  }

  return {
    get isRunning() {
      return isRunning()
    },
    get isOffline() {
      return isOffline()
    },
    get isKeyRejected() {
      return isKeyRejected
    },
    get isPaused() {
      return isPaused
    },
    get offlineSince() {
      return offlineSince
    },
    noteAnswer(answer: VeridoxAnswer): void {
      const evidence = answer.kind === 'failed' ? outageEvidenceOf(answer.error) : null
      if (evidence) unreachable(evidence, answer.kind === 'failed' ? answer.error : null)
      else reached()
    },
    rejectKey(error: VeridoxError): void {
      if (isKeyRejected) return
      isKeyRejected = true
      log('warn', 'Veridox rejected the API key; every case on it is paused until a new key is set', { status: error.status })
      deps.onPaused()
      bus.emit('keyRejected', undefined)
      accountChanged()
    },
    setSystemReachable(isReachable: boolean): void {
      if (isDisposed || isReachable === !isSystemOffline) return
      const wasRunning = isRunning()
      isSystemOffline = !isReachable
      accountChanged()
      if (!isReachable) {
        stopProbing()
        if (wasRunning) deps.onPaused()
      } else if (!isPaused) {
        startAgain()
      }
    },
    /** The analyst's pause: nothing is sent, not even a probe, until resumed. */
    setPaused(paused: boolean): void {
      if (isDisposed || paused === isPaused) return
      const wasRunning = isRunning()
      isPaused = paused
      accountChanged()
      if (paused) {
        stopProbing()
        if (wasRunning) deps.onPaused()
      } else if (!isSystemOffline) {
        startAgain()
      }
    },
    dispose(): void {
      isDisposed = true
      stopProbing()
    },
  }
}
