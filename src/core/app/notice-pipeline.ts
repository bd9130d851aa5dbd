import type { CompletionAnnouncement, UnreachableCase } from '../monitor/case-monitor'
import type { Clock } from '../runtime/clock'
import {
  describeAwayCompletions,
  describeCompletions,
  describeHeldCompletions,
  describeUnreachable,
  type CompletionNotice,
  type QuietReason,
} from './completion-notices'

export interface NoticePipelineOptions {
  clock: Clock
  /** How long completions are gathered into one notice. */
  windowMs: number
  /** Longer after coming back: reconnecting spreads the catching-up snapshots over a few seconds. */
  awayWindowMs: number
  /** How often held-back completions check whether they may be told. */
  quietCheckMs: number
  /** True when the system showed the notice. */
  show(notice: CompletionNotice): boolean
  isEnabled(): boolean
  quietReason(): QuietReason | null
  isMuted(caseId: string): boolean
  /** The case finished while the app was not there to see it (asleep, offline, not running). */
  wasAway(announcement: CompletionAnnouncement): boolean
}

interface Pending {
  announcement: CompletionAnnouncement
  acknowledge(): void
}

function createBatch<T>(clock: Clock, windowMs: number, flush: (items: T[]) => void) {
  const items = new Map<string, T>()
  let cancel: (() => void) | null = null
  return {
    add(key: string, item: T): void {
      items.set(key, item)
      cancel ??= clock.setTimeout(() => {
        cancel = null
        const taken = [...items.values()]
        items.clear()
        if (taken.length > 0) flush(taken)
      }, windowMs)
    },
    dispose(): void {
      cancel?.()
      cancel = null
      items.clear()
    },
  }
}

/**
 * Every notice the app pops up goes through here. Completions that land together become one notice, so
 * adding a hundred finished cases is not a hundred pop-ups. Only a pop-up the system showed acknowledges
 * its completions, so one lost to a quit inside the window, or refused, is shown at the next start.
 * Muted cases, Do Not Disturb and quiet hours hold back only the pop-up: the completion is acknowledged
 * (the window and the tray show it), and those held by a quiet time are told as one summary when it ends.
 */
export function createNoticePipeline(options: NoticePipelineOptions) {
  const { clock } = options
  let held: CompletionAnnouncement[] = []
  let heldReason: QuietReason = 'do_not_disturb'
  let cancelQuietCheck: (() => void) | null = null

  function tellCompletions(entries: Pending[], describe: (announcements: CompletionAnnouncement[]) => CompletionNotice): void {
    const acknowledgeAll = (): void => entries.forEach((entry) => entry.acknowledge())
    if (!options.isEnabled()) return acknowledgeAll()
    const audible = entries.filter((entry) => !options.isMuted(entry.announcement.caseId))
    const quiet = options.quietReason()
    if (audible.length > 0 && quiet) {
      held.push(...audible.map((entry) => entry.announcement))
      heldReason = quiet
      scheduleQuietCheck()
    }
    if (audible.length === 0 || quiet) return acknowledgeAll()
    entries.filter((entry) => options.isMuted(entry.announcement.caseId)).forEach((entry) => entry.acknowledge())
    if (options.show(describe(audible.map((entry) => entry.announcement)))) audible.forEach((entry) => entry.acknowledge())
  }

  function scheduleQuietCheck(): void {
    cancelQuietCheck ??= clock.setTimeout(() => {
      cancelQuietCheck = null
      recheckQuiet()
    }, options.quietCheckMs)
  }

  function recheckQuiet(): void {
    if (held.length === 0) return
    if (options.quietReason()) return scheduleQuietCheck()
    cancelQuietCheck?.()
    cancelQuietCheck = null
    const told = held
    held = []
    // Already acknowledged when held: a refused summary is not retried, as a late pop-up would surprise.
    if (options.isEnabled()) options.show(describeHeldCompletions(told, heldReason))
  }

  const live = createBatch<Pending>(clock, options.windowMs, (entries) => tellCompletions(entries, describeCompletions))
  const away = createBatch<Pending>(clock, options.awayWindowMs, (entries) => tellCompletions(entries, describeAwayCompletions))
  const unreachable = createBatch<UnreachableCase>(clock, options.windowMs, (problems) => {
    // A problem stays on its row in the window; a quiet time or a mute only keeps it from popping up.
    const audible = problems.filter((problem) => !options.isMuted(problem.caseId))
    if (audible.length === 0 || !options.isEnabled() || options.quietReason()) return
    options.show(describeUnreachable(audible))
  })

  return {
    addCompletion(announcement: CompletionAnnouncement, acknowledge: () => void): void {
      const batch = options.wasAway(announcement) ? away : live
      batch.add(announcement.caseId, { announcement, acknowledge })
    },
    addUnreachable(problem: UnreachableCase): void {
      unreachable.add(`${problem.caseId}:${problem.cause}`, problem)
    },
    /** Do Not Disturb or quiet hours may have ended (a setting changed): held completions are told now if so. */
    recheckQuiet,
    dispose(): void {
      live.dispose()
      away.dispose()
      unreachable.dispose()
      cancelQuietCheck?.()
      cancelQuietCheck = null
      held = []
    },
  }
}
export type NoticePipeline = ReturnType<typeof createNoticePipeline>
