import { backoffDelay } from './backoff'

export interface OutageTuning {
  /** Consecutive requests that could not reach Veridox, with no answer in between, that mean an outage. */
  failuresForOutage: number
  probeFloorMs: number
  probeCapMs: number
}

export const defaultOutageTuning: OutageTuning = { failuresForOutage: 3, probeFloorMs: 1_000, probeCapMs: 30_000 }

/**
 * Tells an outage from a bad request by the failures themselves: the operating system's online
 * signal misses a dead Wi-Fi hotspot, a VPN drop or a captive network. Any answer from Veridox, even
 * an error, proves the network works.
 */
export function createOutageDetector(tuning: OutageTuning, random: () => number) {
  let failuresInARow = 0
  let probes = 0
  return {
    /** True when this failure starts an outage. */
    noteUnreachable(): boolean {
      failuresInARow += 1
      return failuresInARow === tuning.failuresForOutage
    },
    /** True when this answer ends an outage. */
    noteReached(): boolean {
      const wasOut = failuresInARow >= tuning.failuresForOutage
      failuresInARow = 0
      probes = 0
      return wasOut
    },
    get isOutage(): boolean {
      return failuresInARow >= tuning.failuresForOutage
    },
    /** Spacing before the next probe: backs off so an outage costs a few requests a minute, not hundreds. */
    nextProbeDelay(): number {
      return backoffDelay({ floorMs: tuning.probeFloorMs, capMs: tuning.probeCapMs }, probes++, random, null)
    },
  }
}
export type OutageDetector = ReturnType<typeof createOutageDetector>
