import type { ProcSample } from './proc-sample'

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits

/** Least-squares slope of resident memory over time, in MB per minute. */
export function rssSlopeMBPerMin(samples: readonly ProcSample[]): number {
  if (samples.length < 2) return Number.NaN
  const xs = samples.map((sample) => sample.atMs / 60_000)
  const ys = samples.map((sample) => sample.rssMB)
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
