/**
 * How big and how long a chaos soak is. `short` runs inside `npm test`; `full` is `npm run soak`;
 * `calm` is the full load without any chaos, the baseline its latencies are compared with.
 */
export interface SoakConfig {
  name: 'short' | 'full' | 'calm'
  seed: number
  cases: number
  /** Cases arrive (are created and watched) spread over this long. */
  arrivalMs: number
  filesPerCase: [number, number]
  fileDurationMs: [number, number]
  /** Faults, offline spells and restarts happen during this long. */
  chaosMs: number
  /** A chaos action starts every this long, on average. */
  chaosEveryMs: number
  chaosActionMs: [number, number]
  /** After the chaos, how long every remaining completion may take to be seen. */
  settleMs: number
  deletedCases: number
}

export const shortSoak: SoakConfig = {
  name: 'short',
  seed: 20261128,
  cases: 40,
  arrivalMs: 12_000,
  filesPerCase: [1, 3],
  fileDurationMs: [3_000, 16_000],
  chaosMs: 32_000,
  chaosEveryMs: 2_200,
  chaosActionMs: [1_500, 5_000],
  settleMs: 45_000,
  deletedCases: 2,
}

export const fullSoak: SoakConfig = {
  name: 'full',
  seed: 20261128,
  cases: 220,
  arrivalMs: 240_000,
  filesPerCase: [1, 5],
  fileDurationMs: [15_000, 150_000],
  chaosMs: 360_000,
  chaosEveryMs: 8_000,
  chaosActionMs: [3_000, 25_000],
  settleMs: 240_000,
  deletedCases: 6,
}

export const calmSoak: SoakConfig = { ...fullSoak, name: 'calm', chaosMs: 0, deletedCases: 0 }
