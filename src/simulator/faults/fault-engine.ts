import { createPrng, type Prng } from '../prng'
import { streamOnlyFaultKinds, type Fault, type FaultKind, type RouteName } from './fault-types'

interface ActiveFault {
  fault: Fault
  prng: Prng
  remaining: number
  until: number
}

export type ReplacedResponse =
  | { kind: 'server-error'; status: 500 | 502 | 503 }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'html-page' }
  | { kind: 'redirect'; location: string; status: 301 | 302 | 307 | 308 }

export interface RequestFaults {
  delayMs: number
  replacement: ReplacedResponse | null
}

export interface StreamFaults {
  drop: { afterEvents: number | null; perEventProbability: number; prng: Prng } | null
  stall: { afterEvents: number; stallMs: number } | null
  /** Bytes to hold back before flushing; 0 holds everything until the stream ends. */
  bufferBytes: number | null
}

export type FaultEngine = ReturnType<typeof createFaultEngine>

export function createFaultEngine(deps: { seed: number; now: () => number; onFired: (kind: FaultKind) => void }) {
  let active: ActiveFault[] = []
  let serial = 0

  const activate = (fault: Fault): ActiveFault => ({
    fault,
    // One generator per switched-on fault, numbered in switch-on order: a replay hits the same requests.
    prng: createPrng(deps.seed, 'fault', serial++),
    remaining: fault.count ?? Infinity,
    until: fault.durationMs === undefined ? Infinity : deps.now() + fault.durationMs,
  })

  function live(): ActiveFault[] {
    const now = deps.now()
    active = active.filter((a) => a.remaining > 0 && a.until > now)
    return active
  }

  function matching(route: RouteName, caseId: string | null, kinds: ReadonlySet<FaultKind>): ActiveFault[] {
    return live().filter(({ fault }) => {
      if (!kinds.has(fault.kind)) return false
      const isStreamOnly = streamOnlyFaultKinds.has(fault.kind)
      const routes = fault.routes ?? (isStreamOnly ? ['stream'] : null)
      if (routes ? !routes.includes(route) : route === 'upload') return false
      if (isStreamOnly && route !== 'stream') return false
      if (fault.caseIds && (caseId === null || !fault.caseIds.some((id) => id.toLowerCase() === caseId.toLowerCase()))) return false
      return true
    })
  }

  /** Uses up one firing if the fault's dice say so. */
  function fires(a: ActiveFault): boolean {
    if (a.fault.probability !== undefined && !a.prng.chance(a.fault.probability)) return false
    a.remaining--
    deps.onFired(a.fault.kind)
    return true
  }

  const requestKinds: ReadonlySet<FaultKind> = new Set(['slow-first-byte', 'server-error', 'rate-limit', 'html-page', 'redirect'])

  return {
    set(faults: Fault[]): void {
      active = faults.map(activate)
    },
    add(faults: Fault[]): void {
      active.push(...faults.map(activate))
    },
    clear(): void {
      active = []
    },
    list: (): Fault[] => live().map((a) => ({ ...a.fault, ...(a.remaining !== Infinity ? { count: a.remaining } : {}) })),

    forRequest(route: RouteName, caseId: string | null): RequestFaults {
      const result: RequestFaults = { delayMs: 0, replacement: null }
      for (const a of matching(route, caseId, requestKinds)) {
        const f = a.fault
        if (f.kind === 'slow-first-byte') {
          if (result.delayMs === 0 && fires(a)) result.delayMs = f.delayMs
        } else if (result.replacement === null && fires(a)) {
          if (f.kind === 'server-error') result.replacement = { kind: 'server-error', status: f.status ?? 503 }
          else if (f.kind === 'rate-limit') result.replacement = { kind: 'rate-limit', retryAfterSeconds: f.retryAfterSeconds ?? 1 }
          else if (f.kind === 'redirect') result.replacement = { kind: 'redirect', location: f.location, status: f.status ?? 307 }
          else result.replacement = { kind: 'html-page' }
        }
      }
      return result
    },

    forStream(caseId: string): StreamFaults {
      const result: StreamFaults = { drop: null, stall: null, bufferBytes: null }
      for (const a of matching('stream', caseId, streamOnlyFaultKinds)) {
        const f = a.fault
        if (f.kind === 'drop-stream' && result.drop === null && fires(a)) {
          result.drop = { afterEvents: f.afterEvents ?? null, perEventProbability: f.perEventProbability ?? 0, prng: a.prng }
        } else if (f.kind === 'stall-stream' && result.stall === null && fires(a)) {
          result.stall = { afterEvents: f.afterEvents ?? 0, stallMs: f.stallMs }
        } else if (f.kind === 'buffer-stream' && result.bufferBytes === null && fires(a)) {
          result.bufferBytes = Math.round((f.flushAtKb ?? 0) * 1024)
        }
      }
      return result
    },
  }
}
