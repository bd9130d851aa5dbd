/** Where a case is, as far as the monitor knows: `unknown` until a snapshot lists its files or an event shows one analysing. */
export type AnalysisPhase = 'unknown' | 'waiting' | 'analysing' | 'complete'

export interface CadenceFacts {
  phase: AnalysisPhase
  isPinned: boolean
  isVisible: boolean
}

/**
 * How long a case without a live stream may go unconfirmed before a sweep (or a GET) checks it. The
 * budget goes where a change is likely or wanted soon: cases analysing (or not yet looked at, which
 * may be), and what the analyst pins or has on screen. A case whose files all wait for upload
 * cannot complete before they are uploaded and analysed, and a listing cannot show the upload
 * anyway (only GET or a stream can), so checking it every sweep would spend the per-key list budget
 * that the analyst's own integrations share, for nothing (docs/reliability.md, the idle budget).
 */
export function checkIntervalMs(facts: CadenceFacts, tuning: { sweepIntervalMs: number; quietCheckIntervalMs: number }): number {
  const isLikelyToChange = facts.phase === 'analysing' || facts.phase === 'unknown'
  if (isLikelyToChange || facts.isPinned || facts.isVisible) return tuning.sweepIntervalMs
  return Math.max(tuning.sweepIntervalMs, tuning.quietCheckIntervalMs)
}
