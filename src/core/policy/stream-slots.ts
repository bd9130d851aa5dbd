export interface SlotCandidate {
  caseId: string
  isPinned: boolean
  isVisible: boolean
  /** Files are being analysed right now (not merely waiting for upload). */
  isInAnalysis: boolean
  /** Every file of the full list waits for upload: a stream would carry nothing until one is uploaded. */
  isWaitingForUpload: boolean
  holdsSlot: boolean
  addedAt: number
}

/**
 * Veridox allows a fixed number of concurrent streams per key (10, docs/veridox-api.md §6.1). They go
 * to the cases that matter most: pinned, then on screen, then in analysis, then cases not looked at
 * yet (they may be analysing), before cases known to wait for upload. Within a class a case that
 * already streams keeps its slot, so scrolling does not make connections churn.
 */
export function planStreamSlots(candidates: readonly SlotCandidate[], slotCount: number): Set<string> {
  const rank = (c: SlotCandidate): number[] => [
    c.isPinned ? 0 : 1,
    c.isVisible ? 0 : 1,
    c.isInAnalysis ? 0 : 1,
    c.isWaitingForUpload ? 1 : 0,
    c.holdsSlot ? 0 : 1,
    -c.addedAt,
  ]
  const ordered = [...candidates].sort((a, b) => {
    const ra = rank(a)
    const rb = rank(b)
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!
    return a.caseId < b.caseId ? -1 : 1
  })
  return new Set(ordered.slice(0, Math.max(0, slotCount)).map((c) => c.caseId))
}
