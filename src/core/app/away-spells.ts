import type { SystemState } from '../../shared/reachability'
import type { Clock } from '../runtime/clock'

/**
 * Since when the app has been watching without a break. A completion from before then, of a case watched
 * before then, finished while the analyst was away: the app was not running, the machine slept, or the
 * network was gone. Until the machine is awake and online again the spell is still going on.
 */
export function createAwaySpells(clock: Clock) {
  let watchingSince = clock.now()
  let isAway = false
  return {
    noteSystemState(state: SystemState): void {
      if (state.isAsleep || !state.isNetworkOnline) isAway = true
      else if (isAway) {
        isAway = false
        watchingSince = clock.now()
      }
    },
    finishedWhileAway(facts: { completedAt: number; addedAt: number }): boolean {
      return !isAway && facts.completedAt < watchingSince && facts.addedAt < watchingSince
    },
  }
}
