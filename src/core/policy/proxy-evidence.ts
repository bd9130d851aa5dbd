export interface ProxyTuning {
  /** Distinct cases whose streams met a proxy before streams count as blocked for the whole key. */
  casesForBlock: number
  /** How long one case's interference counts as evidence. */
  evidenceWindowMs: number
  /** While streams are blocked, one canary stream tests this often whether they work again. */
  canaryIntervalMs: number
}

export const defaultProxyTuning: ProxyTuning = { casesForBlock: 2, evidenceWindowMs: 300_000, canaryIntervalMs: 60_000 }

/**
 * Weighs evidence that a proxy or firewall is blocking live streams. One case's HTML page says little
 * (a proxy rule for one path, a hiccup): that case alone is polled. Only interference on several
 * cases while no stream is healthy means streams are blocked for the key, and then a canary keeps
 * testing whether they work again.
 */
export function createProxyEvidence(tuning: ProxyTuning, now: () => number) {
  const interferedAt = new Map<string, number>()
  const healthy = new Set<string>()

  function recentInterference(at: number): number {
    let count = 0
    for (const [caseId, when] of interferedAt) {
      if (at - when > tuning.evidenceWindowMs) interferedAt.delete(caseId)
      else count++
    }
    return count
  }

  return {
    noteInterference(caseId: string): void {
      interferedAt.set(caseId, now())
      healthy.delete(caseId)
    },
    /** A stream delivered an event or heartbeat: streams work, on this host, for this key. */
    noteHealthy(caseId: string): void {
      if (healthy.has(caseId)) return
      healthy.add(caseId)
      interferedAt.clear()
    },
    noteEnded(caseId: string): void {
      healthy.delete(caseId)
    },
    isBlocked(): boolean {
      return healthy.size === 0 && recentInterference(now()) >= tuning.casesForBlock
    },
  }
}
