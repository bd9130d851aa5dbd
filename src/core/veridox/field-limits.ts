/**
 * One set of limits for what is accepted from Veridox and what is read back from disk: whatever the
 * monitor holds can be saved and loaded again. Text shown to people (labels, stages) is cut to its
 * limit when it arrives; identifiers cannot be cut without changing what they name, so an event id
 * over its limit is not kept, and a file id over its limit makes the event or answer malformed.
 */

/** Veridox event ids are UUIDs (docs/veridox-api.md §3.3); room for another scheme, none for a megabyte. */
export const maxEventIdLength = 200
/** File ids are UUIDs (docs/veridox-api.md §2.3). */
export const maxFileIdLength = 200
/** Veridox takes labels of 1–255 characters (docs/veridox-api.md §2.4, §2.5). */
export const maxLabelLength = 1_000
/** Stage names are not documented (docs/veridox-api.md §3.3); the simulator's are under 20 characters. */
export const maxStageLength = 200
/** No documented maximum; files are added at most 100 per request (docs/veridox-api.md §2.5). */
export const maxFilesPerCase = 1_000

/** Failure reasons are free text (docs/veridox-api.md §3.3 `message`): a paragraph, not a log. */
export const maxFailureReasonLength = 1_000
/** The simulator walks 7 stages; room for a longer pipeline, none for a stream inventing stages without end. */
export const maxStagesPerFile = 32

/** Cuts text to `max` UTF-16 units without leaving half of a surrogate pair at the end. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}
