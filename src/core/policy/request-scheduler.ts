import type { Clock } from '../runtime/clock'
import { VeridoxError } from '../veridox/veridox-error'
import type { RequestKind } from './limits'
import { createRateWindow, type RateWindow, type WindowLimit } from './rate-window'
import { reservedShare, tierRank, type PriorityTier } from './request-priority'

export interface ScheduledRequest<T> {
  /** Requests with the same key that are still queued share one call. */
  key: string
  /** Higher tiers go first; each tier waits rather than use the share kept for the tiers above it. */
  priority: PriorityTier
  run(signal: AbortSignal): Promise<T>
}

interface Queued {
  key: string
  rank: number
  tier: PriorityTier
  order: number
  run(signal: AbortSignal): Promise<unknown>
  promise: Promise<unknown>
  resolve(value: unknown): void
  reject(error: unknown): void
}

export interface RequestScheduler {
  enqueue<T>(kind: RequestKind, request: ScheduledRequest<T>): Promise<T>
  /** Moves a request that is still queued forward (it became urgent while it waited). */
  raisePriority(kind: RequestKind, key: string, priority: PriorityTier): void
  /** Offline or asleep: nothing new is sent; queued requests wait. */
  setPaused(isPaused: boolean): void
  queued(kind: RequestKind): number
  /** Still waiting for budget (not yet sent). */
  isWaiting(kind: RequestKind, key: string): boolean
  /** The window has room for a request of this tier now. */
  hasRoom(kind: RequestKind, tier: PriorityTier): boolean
  /** 0 when a request of this tier may go now; otherwise how long until it may (its reserve and any 429 block counted). */
  msUntilRoom(kind: RequestKind, tier: PriorityTier): number
  taken(kind: RequestKind): number
  /** Until when Veridox asked for no more requests of this kind (a 429's Retry-After); 0 when it never did. */
  blockedUntil(kind: RequestKind): number
  /** Requests sent within each window: saved so a restart does not start with a full budget Veridox has not refilled. */
  usage(): Partial<Record<RequestKind, number[]>>
  dispose(): void
  /** The next `count` requests of a paced kind go without its spacing (the catch-up after an outage); the window still holds. */
  allowBurst(kind: RequestKind, count: number): void
}

const maxInFlightPerKind = 3
const defaultBackOffAfter429Ms = 30_000
const byUrgency = (a: Queued, b: Queued): number => a.rank - b.rank || a.order - b.order

/** Keeps the queue in urgency order without sorting it: a sweep enqueues hundreds of checks each pass. */
function insertByUrgency(queue: Queued[], item: Queued): void {
  let low = 0
  let high = queue.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (byUrgency(queue[middle]!, item) < 0) low = middle + 1
    else high = middle
  }
  queue.splice(low, 0, item)
}

/** Every budgeted REST call goes through here, so no code path can exceed a window. */
export function createRequestScheduler(options: {
  windows: Record<RequestKind, WindowLimit>
  clock: Clock
  previousUsage?: Partial<Record<RequestKind, readonly number[]>>
}): RequestScheduler {
  const { clock } = options
  const kinds = Object.keys(options.windows) as RequestKind[]
  const windows = Object.fromEntries(
    kinds.map((kind) => [kind, createRateWindow(options.windows[kind], options.previousUsage?.[kind] ?? [])]),
  ) as Record<RequestKind, RateWindow>
  const queues = Object.fromEntries(kinds.map((kind) => [kind, [] as Queued[]])) as Record<RequestKind, Queued[]>
  const queuedByKey = Object.fromEntries(kinds.map((kind) => [kind, new Map<string, Queued>()])) as Record<RequestKind, Map<string, Queued>>
  const inFlight = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<RequestKind, number>
  const wakeTimers = new Map<RequestKind, () => void>()
  const controller = new AbortController()
  let isPaused = false
  let order = 0

  function pump(kind: RequestKind): void {
    const queue = queues[kind]
    while (!isPaused && !controller.signal.aborted && queue.length > 0 && inFlight[kind] < maxInFlightPerKind) {
      const now = clock.now()
      const next = queue[0]!
      const window = windows[kind]
      const reserve = Math.ceil(options.windows[kind].count * reservedShare[next.tier])
      if (reserve > 0 && window.takenInWindow(now) + reserve >= options.windows[kind].count) {
        scheduleWake(kind, Math.max(1_000, window.msUntilAvailable(now)))
        return
      }
      if (!window.tryTake(now)) {
        scheduleWake(kind, window.msUntilAvailable(now))
        return
      }
      const item = queue.shift()!
      queuedByKey[kind].delete(item.key)
      inFlight[kind] += 1
      item
        .run(controller.signal)
        .then(item.resolve, (error: unknown) => {
          if (error instanceof VeridoxError && (error.code === 'rate_limited' || (error.status === 503 && error.retryAfterMs !== null))) {
            windows[kind].blockUntil(clock.now() + (error.retryAfterMs ?? defaultBackOffAfter429Ms))
          }
          item.reject(error)
        })
        .finally(() => {
          inFlight[kind] -= 1
          pump(kind)
        })
    }
  }

  function raise(item: Queued, tier: PriorityTier): boolean {
    if (tierRank(tier) >= item.rank) return false
    item.rank = tierRank(tier)
    item.tier = tier
    return true
  }
  /** Raises a queued request's tier and moves it to its new place; false when it was already as urgent. */
  function reorder(kind: RequestKind, item: Queued, tier: PriorityTier): boolean {
    if (!raise(item, tier)) return false
    const queue = queues[kind]
    queue.splice(queue.indexOf(item), 1)
    insertByUrgency(queue, item)
    return true
  }

  function scheduleWake(kind: RequestKind, delayMs: number): void {
    if (wakeTimers.has(kind)) return
    wakeTimers.set(
      kind,
      clock.setTimeout(() => {
        wakeTimers.delete(kind)
        pump(kind)
      }, delayMs),
    )
  }

  return {
    enqueue<T>(kind: RequestKind, request: ScheduledRequest<T>): Promise<T> {
      const queue = queues[kind]
      const existing = queuedByKey[kind].get(request.key)
      if (existing) {
        reorder(kind, existing, request.priority)
        return existing.promise as Promise<T>
      }
      let resolve!: (value: unknown) => void
      let reject!: (error: unknown) => void
      const promise = new Promise<unknown>((res, rej) => {
        resolve = res
        reject = rej
      })
      // Callers that drop interest must not leave an unhandled rejection behind.
      promise.catch(() => undefined)
      const item: Queued = {
        key: request.key,
        rank: tierRank(request.priority),
        tier: request.priority,
        order: order++,
        run: request.run,
        promise,
        resolve,
        reject,
      }
      insertByUrgency(queue, item)
      queuedByKey[kind].set(item.key, item)
      pump(kind)
      return promise as Promise<T>
    },
    raisePriority(kind, key, priority) {
      const item = queuedByKey[kind].get(key)
      if (item && reorder(kind, item, priority)) pump(kind)
    },
    setPaused(paused) {
      isPaused = paused
      if (!paused) kinds.forEach(pump)
    },
    queued: (kind) => queues[kind].length,
    isWaiting: (kind, key) => queuedByKey[kind].has(key),
    hasRoom(kind, tier) {
      const reserve = Math.ceil(options.windows[kind].count * reservedShare[tier])
      return windows[kind].takenInWindow(clock.now()) + reserve < options.windows[kind].count
    },
    msUntilRoom(kind, tier) {
      const now = clock.now()
      const { count, windowMs } = options.windows[kind]
      const sent = windows[kind].takenTimes(now)
      // How many of the requests in the window must age out before this tier's reserve is free again.
      const excess = sent.length + Math.ceil(count * reservedShare[tier]) - count + 1
      const forReserve = excess > 0 ? (sent[excess - 1] ?? now) + windowMs - now : 0
      return Math.max(forReserve, windows[kind].msUntilAvailable(now))
    },
    taken: (kind) => windows[kind].takenInWindow(clock.now()),
    blockedUntil: (kind) => windows[kind].blockedUntil,
    usage: () => Object.fromEntries(kinds.map((kind) => [kind, windows[kind].takenTimes(clock.now())])),
    dispose() {
      controller.abort()
      for (const cancel of wakeTimers.values()) cancel()
      wakeTimers.clear()
      for (const kind of kinds) {
        queuedByKey[kind].clear()
        for (const item of queues[kind].splice(0)) item.reject(new DOMException('The monitor stopped', 'AbortError'))
      }
    },
    allowBurst(kind, count) {
      windows[kind].allowBurst(count)
      wakeTimers.get(kind)?.()
      wakeTimers.delete(kind)
      pump(kind)
    },
  }
}
