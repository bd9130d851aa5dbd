export interface OutageTuning {
  /** Consecutive requests that could not reach Veridox, with no answer in between, that mean an outage. */
  failuresForOutage: number
  probeFloorMs: number
  probeCapMs: number
}

// The cap bounds how late a return is noticed (at most 4.5 s) and the cost of an outage (at most 30 probes a minute).
export const defaultOutageTuning: OutageTuning = { failuresForOutage: 3, probeFloorMs: 1_000, probeCapMs: 4_500 }

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
    /**
     * Spacing before the next probe: doubling from the floor to the cap, with "equal jitter" (half fixed,
     * half random) so probes never come faster than half the current spacing.
     */
    nextProbeDelay(): number {
      const spacing = Math.min(tuning.probeCapMs, tuning.probeFloorMs * 2 ** probes++)
      return Math.round(spacing / 2 + (random() * spacing) / 2)
    },
  }
}
