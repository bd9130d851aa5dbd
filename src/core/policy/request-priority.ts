/**
 * Budgeted requests in order of what the analyst loses while they wait, most urgent first. Each tier
 * leaves a share of every request window free for the tiers above it, so a completion always finds
 * budget however many routine checks are queued.
 */
export const priorityTiers = ['completion-in-focus', 'completion', 'in-focus', 'routine', 'background'] as const
export type PriorityTier = (typeof priorityTiers)[number]

export const reservedShare: Record<PriorityTier, number> = {
  // A completion the analyst is following closely (streamed, pinned or on screen): its risk is the answer they wait for.
  'completion-in-focus': 0,
  // Any other completion waiting for its risk; leaves a little for the cases in focus.
  completion: 0.1,
  // What the analyst is looking at: a first look at a case on screen, the poll of a pinned or visible case.
  'in-focus': 0.2,
  // Gaps after a reconnect, settling an announced case, periodic checks, polls of the rest.
  routine: 0.3,
  // A first look at a case nobody is looking at: only from spare budget. Listings already give its
  // label and state; what it adds (file details) can wait, and a burst of new cases must not spend
  // the budget that their completions will need.
  background: 0.8,
}

export const tierRank = (tier: PriorityTier): number => priorityTiers.indexOf(tier)

/** Why the reconciler wants a REST snapshot of a case. */
export type SnapshotReason =
  /** The case completed: its outcomes and risks are still missing. */
  | 'finalize'
  /** Events may have been missed (a reconnect, a closed stream, the network back). */
  | 'gap'
  /** Announced before its outcomes and risks arrived: fetched afterwards so the view ends true. */
  | 'settle'
  /** First look at a newly watched case. */
  | 'added'
  /** Routine: no listing covers this case. */
  | 'check'
  /** A file settled: its risk is only in the snapshot, and the analyst should not wait for the whole case to see it. */
  | 'file-settled'

export interface Focus {
  isPinned: boolean
  isVisible: boolean
  isStreamed: boolean
}

const isInFocus = (focus: Focus): boolean => focus.isPinned || focus.isVisible || focus.isStreamed

export function snapshotTier(reason: SnapshotReason, focus: Focus): PriorityTier {
  switch (reason) {
    case 'finalize':
      return isInFocus(focus) ? 'completion-in-focus' : 'completion'
    case 'added':
      return focus.isPinned || focus.isVisible ? 'in-focus' : 'background'
    case 'gap':
      return focus.isPinned || focus.isVisible ? 'in-focus' : 'routine'
    case 'settle':
    case 'check':
      return 'routine'
    case 'file-settled':
      // Spare budget only: a burst of files settling must not spend what the completions will need.
      return 'background'
  }
}

export const pollTier = (focus: Focus): PriorityTier => (focus.isPinned || focus.isVisible ? 'in-focus' : 'routine')

/** A sweep is how every case without a stream learns it completed. */
export const listTier: PriorityTier = 'completion'
