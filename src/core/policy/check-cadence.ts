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
 * that the analyst's own integrations share, for nothing (docs/reliability.md, the idle budget). Cases
 * not looked at yet go at `unknownIntervalMs` (createSweepBackoff).
 */
export function checkIntervalMs(facts: CadenceFacts, tuning: CadenceTuning, unknownIntervalMs = tuning.sweepIntervalMs): number {
  if (facts.phase === 'analysing' || facts.isPinned || facts.isVisible) return tuning.sweepIntervalMs
  if (facts.phase === 'unknown') return Math.max(tuning.sweepIntervalMs, unknownIntervalMs)
  return Math.max(tuning.sweepIntervalMs, tuning.quietCheckIntervalMs)
}

interface CadenceTuning {
  sweepIntervalMs: number
  quietCheckIntervalMs: number
}

/**
 * The pace for cases not looked at yet (their first look waits for spare get budget, so after adding
 * hundreds it can take an hour): they may be analysing, so they start at the sweep interval, but
 * while nothing on the key changes (no event, no completion) each sweep doubles their interval, up
 * to the quiet one; anything changing brings it straight back.
 */
export function createSweepBackoff(tuning: CadenceTuning) {
  const ceiling = Math.max(tuning.sweepIntervalMs, tuning.quietCheckIntervalMs)
  let intervalMs = tuning.sweepIntervalMs
  return {
    intervalMs: (): number => intervalMs,
    noteSweep({ sawChange }: { sawChange: boolean }): void {
      intervalMs = sawChange ? tuning.sweepIntervalMs : Math.min(ceiling, intervalMs * 2)
    },
    noteActivity(): void {
      intervalMs = tuning.sweepIntervalMs
    },
  }
}
