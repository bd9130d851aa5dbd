import type { ProcSample } from './proc-sample'

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits

/** Least-squares slope of a value over time, per minute. */
export function slopePerMin(points: readonly { atMs: number; value: number }[]): number {
  if (points.length < 2) return Number.NaN
  const xs = points.map((point) => point.atMs / 60_000)
  const ys = points.map((point) => point.value)
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length
  let covariance = 0
  let variance = 0
  for (let index = 0; index < xs.length; index++) {
    covariance += (xs[index]! - meanX) * (ys[index]! - meanY)
    variance += (xs[index]! - meanX) ** 2
  }
  return variance === 0 ? Number.NaN : covariance / variance
}

export const rssSlopeMBPerMin = (samples: readonly ProcSample[]): number =>
  slopePerMin(samples.map((sample) => ({ atMs: sample.atMs, value: sample.rssMB })))

/**
 * The live heap grows only if a leak holds on to what it allocates: after each major collection the heap in
 * use falls to what is live, so the lowest reading of each stretch of time tracks it. Its slope over the
 * second half separates a leak from V8 sizing its heap, which moves the resident figure for minutes.
 */
export function liveHeapSlopeMBPerMin(readings: readonly { atMs: number; value: number }[], stretchMs: number): number {
  const lowest = new Map<number, { atMs: number; value: number }>()
  for (const reading of readings) {
    const stretch = Math.floor((reading.atMs - readings[0]!.atMs) / stretchMs)
    const known = lowest.get(stretch)
    if (!known || reading.value < known.value) lowest.set(stretch, reading)
  }
  const floors = [...lowest.values()]
  return round(slopePerMin(floors.slice(Math.floor(floors.length / 2))), 3)
}

/** Peak and growth over a following window: growth is the slope of the second half, where start-up is over. */
export function memoryFigures(samples: readonly ProcSample[]) {
  const secondHalf = samples.slice(Math.floor(samples.length / 2))
  return {
    peakMB: round(Math.max(...samples.map((sample) => sample.rssMB)), 1),
    endMB: round(samples.at(-1)?.rssMB ?? Number.NaN, 1),
    growthMBPerMin: round(rssSlopeMBPerMin(secondHalf), 3),
  }
}

/** CPU time spent between two samples as a percent of one core over the wall time between them. */
export function cpuPercentOfOneCore(first: ProcSample, last: ProcSample): number {
  const wallMs = last.atMs - first.atMs
  return wallMs > 0 ? round(((last.cpuMs - first.cpuMs) / wallMs) * 100, 2) : Number.NaN
}
