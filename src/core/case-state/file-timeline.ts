import type { FileTimeline } from '../../shared/case-view'
import { maxStagesPerFile } from '../veridox/field-limits'

export const emptyTimeline: FileTimeline = { uploadedAt: null, stages: [], settledAt: null }

/** Before Veridox existed: a smaller number is seconds, or nonsense, not epoch ms. */
const earliestPlausibleTime = Date.UTC(2020, 0, 1)

/**
 * Veridox's own time for something, when it is plausible epoch ms; never later than `now`, so a server
 * clock ahead of this one cannot put a stage in the future. Null when there is nothing to believe.
 */
export function plausibleTime(time: number | null | undefined, now: number): number | null {
  if (time === null || time === undefined || !Number.isFinite(time) || time < earliestPlausibleTime) return null
  return Math.min(time, now)
}

const earlier = (known: number | null, candidate: number): number => (known === null ? candidate : Math.min(known, candidate))

/**
 * The earliest time each stage was seen wins, so replays (which arrive later, or out of order) change
 * nothing; the list stays in time order and stops growing at its cap.
 */
export function withStageSeen(timeline: FileTimeline, stage: string, at: number): FileTimeline {
  const known = timeline.stages.find((seen) => seen.stage === stage)
  if (known ? known.at <= at : timeline.stages.length >= maxStagesPerFile) return timeline
  const others = timeline.stages.filter((seen) => seen.stage !== stage)
  const index = others.findIndex((seen) => seen.at > at)
  const stages = index === -1 ? [...others, { stage, at }] : [...others.slice(0, index), { stage, at }, ...others.slice(index)]
  return { ...timeline, stages }
}

export function withSettledAt(timeline: FileTimeline, at: number): FileTimeline {
  const settledAt = earlier(timeline.settledAt, at)
  return settledAt === timeline.settledAt ? timeline : { ...timeline, settledAt }
}
