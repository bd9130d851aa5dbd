import { VeridoxError } from '../veridox/veridox-error'

export interface OutageTuning {
  /** Consecutive requests that could not reach Veridox, with no answer in between, that mean an outage. */
  failuresForOutage: number
  probeFloorMs: number
  probeCapMs: number
}

// The cap bounds how late a return is noticed (at most 3 s) and the cost of an outage (at most 26 probes a
// minute, leaving room under 30 for the requests that failed before the outage was called: issue 12, item 5).
export const defaultOutageTuning: OutageTuning = { failuresForOutage: 3, probeFloorMs: 1_000, probeCapMs: 3_000 }

/**
 * `network`: no connection at all. `gateway`: Veridox's edge answered 502, 503 or 504, so Veridox behind it
 * cannot be reached either. A 500 is an answer from Veridox itself (often about one request), and a 404,
 * 429 or a proxy's page shows the way to Veridox works: none of them is evidence of an outage.
 */
export type OutageEvidence = 'network' | 'gateway'

const gatewayStatuses: ReadonlySet<number> = new Set([502, 503, 504])

export function outageEvidenceOf(error: unknown): OutageEvidence | null {
  if (!(error instanceof VeridoxError)) return null
  if (error.code === 'network_unreachable') return 'network'
  return error.code === 'server_error' && error.status !== null && gatewayStatuses.has(error.status) ? 'gateway' : null
}

/**
 * Tells an outage from a bad request by the failures themselves: the operating system's online
 * signal misses a dead Wi-Fi hotspot, a VPN drop or a captive network. Any answer from Veridox, even
 * an error, proves the network works. A run of gateway errors can be one case's trouble, so it only
 * becomes an outage when a probe of the account fails as well.
 */
export function createOutageDetector(tuning: OutageTuning, random: () => number) {
  let failuresInARow = 0
  let isDeclared = false
  let probes = 0
  return {
    /** `outage`: this failure starts an outage. `confirm`: probe the account (unless a probe is out); declare() if it fails too. */
    noteFailure(evidence: OutageEvidence): 'outage' | 'confirm' | null {
      failuresInARow += 1
      if (isDeclared || failuresInARow < tuning.failuresForOutage) return null
      if (evidence === 'network') {
        isDeclared = true
        return 'outage'
      }
      return 'confirm'
    },
    /** The confirming probe failed: true when this starts the outage. */
    declare(): boolean {
      // An answer since the suspicion (noteReached) proves Veridox works: no outage.
      if (isDeclared || failuresInARow < tuning.failuresForOutage) return false
      isDeclared = true
      return true
    },
    /** True when this answer ends an outage. */
    noteReached(): boolean {
      const wasOut = isDeclared
      failuresInARow = 0
      isDeclared = false
      probes = 0
      return wasOut
    },
    get isOutage(): boolean {
      return isDeclared
    },
    /**
     * Spacing before the next probe: doubling from the floor to the cap, less up to a fifth at random so
     * the probes of many computers drift apart, and never sooner than Veridox asked (Retry-After).
     */
    nextProbeDelay(serverRetryAfterMs: number | null = null): number {
      const spacing = Math.min(tuning.probeCapMs, tuning.probeFloorMs * 2 ** probes++)
      return Math.round(Math.max(spacing * (0.8 + 0.2 * random()), serverRetryAfterMs ?? 0))
    },
  }
}
