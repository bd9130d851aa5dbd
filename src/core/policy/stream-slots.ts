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

/** Lower is more important: pinned, then on screen, then in analysis, then not known to wait for upload, then already streaming. */
const classOf = (c: SlotCandidate): number =>
  (c.isPinned ? 0 : 16) + (c.isVisible ? 0 : 8) + (c.isInAnalysis ? 0 : 4) + (c.isWaitingForUpload ? 2 : 0) + (c.holdsSlot ? 0 : 1)

/** Within a class the newest case first, and the case ID settles a tie so the plan does not flap. */
function outranks(a: SlotCandidate, b: SlotCandidate): boolean {
  const byClass = classOf(a) - classOf(b)
  if (byClass !== 0) return byClass < 0
  if (a.addedAt !== b.addedAt) return a.addedAt > b.addedAt
  return a.caseId < b.caseId
}

/**
 * Veridox allows a fixed number of concurrent streams per key (10, docs/veridox-api.md §6.1). They go
 * to the cases that matter most: pinned, then on screen, then in analysis, then cases not looked at
 * yet (they may be analysing), before cases known to wait for upload. Within a class a case that
 * already streams keeps its slot, so scrolling does not make connections churn.
 */
export function planStreamSlots(candidates: readonly SlotCandidate[], slotCount: number): Set<string> {
  // The plan runs on every pass over every watched case: the few winners are picked without sorting them all.
  const best: SlotCandidate[] = []
  if (slotCount <= 0) return new Set()
  for (const candidate of candidates) {
    if (best.length === slotCount && !outranks(candidate, best[best.length - 1]!)) continue
    let index = best.length
    while (index > 0 && outranks(candidate, best[index - 1]!)) index--
    best.splice(index, 0, candidate)
    if (best.length > slotCount) best.pop()
  }
  return new Set(best.map((c) => c.caseId))
}
