import type { Prng } from './prng'

// Stage names are not published by Veridox; these follow the engines in docs/veridox-api.md §4.3.
export const analysisStages = [
  'metadata_analysis',
  'ela',
  'noise_analysis',
  'reverse_search',
  'content_authenticity',
  'context_analysis',
  'full_analysis',
] as const
export type AnalysisStage = (typeof analysisStages)[number]

export const riskLevels = ['informational', 'low', 'medium', 'high'] as const
export type RiskLevel = (typeof riskLevels)[number]
export type FileOutcome = 'success' | 'failed'

/** How files behave when nothing more specific is asked for. */
export interface AnalysisProfile {
  meanMs: number
  /** When set, durations are uniform in this range instead of meanMs ±40 %. */
  durationRangeMs: { min: number; max: number } | null
  failureRate: number
  riskWeights: Partial<Record<RiskLevel, number>>
  stepsPerStage: number
  filesPerCase: { min: number; max: number }
}

export const defaultRiskWeights: Record<RiskLevel, number> = { informational: 0.35, low: 0.3, medium: 0.2, high: 0.15 }

export interface ProgressCheckpoint {
  atMs: number
  stage: AnalysisStage
  progress: number
}

export interface FilePlan {
  durationMs: number
  outcome: FileOutcome
  risk: RiskLevel | null
  /** Why a failing file fails, in words a person reads; null for a file that succeeds. */
  failureReason: string | null
  /** Progress events, offsets from the start of the case's analysis; completion follows at durationMs. */
  checkpoints: ProgressCheckpoint[]
}

// Veridox documents no failure reasons; these read like what the stage where a file stops might say.
const failureReasons: Record<AnalysisStage, string> = {
  metadata_analysis: 'The file could not be opened: it is password-protected or encrypted.',
  ela: 'Error level analysis needs a lossy image; this file has no usable image data.',
  noise_analysis: 'The image is too small or too compressed for noise analysis.',
  reverse_search: 'The reverse image search service did not answer in time.',
  content_authenticity: 'The content credentials in the file are malformed and could not be verified.',
  context_analysis: 'The document type could not be recognised, so it could not be analysed in context.',
  full_analysis: 'The analysis stopped unexpectedly before a risk score could be given.',
}

export interface FilePlanOverrides {
  durationMs?: number
  outcome?: FileOutcome
  risk?: RiskLevel
}

function pickDuration(prng: Prng, profile: AnalysisProfile): number {
  const range = profile.durationRangeMs
  if (range) return Math.round(prng.between(range.min, range.max))
  return Math.max(1, Math.round(profile.meanMs * prng.between(0.6, 1.4)))
}

export function planFile(prng: Prng, profile: AnalysisProfile, overrides: FilePlanOverrides = {}): FilePlan {
  const durationMs = overrides.durationMs ?? pickDuration(prng, profile)
  const outcome = overrides.outcome ?? (prng.chance(profile.failureRate) ? 'failed' : 'success')
  const risk = outcome === 'failed' ? null : (overrides.risk ?? prng.weighted(profile.riskWeights))
  // A failing file stops reporting progress at the stage where it fails.
  const lastStage = outcome === 'failed' ? prng.int(0, analysisStages.length - 1) : analysisStages.length - 1
  const steps = Math.max(1, Math.floor(profile.stepsPerStage))
  const stageWeights = analysisStages.map(() => prng.between(0.5, 1.5))
  const weightTotal = stageWeights.reduce((sum, w) => sum + w, 0)
  const activeSpan = durationMs * 0.97
  const totalSteps = analysisStages.length * steps

  const checkpoints: ProgressCheckpoint[] = [{ atMs: 0, stage: analysisStages[0], progress: 0 }]
  let stageStart = 0
  for (let stageIndex = 0; stageIndex <= lastStage; stageIndex++) {
    const stageLength = (activeSpan * stageWeights[stageIndex]) / weightTotal
    for (let step = 1; step <= steps; step++) {
      const done = stageIndex * steps + step
      checkpoints.push({
        atMs: Math.round(stageStart + (stageLength * step) / steps),
        stage: analysisStages[stageIndex],
        progress: Math.min(99, Math.floor((done / (totalSteps + 1)) * 100)),
      })
    }
    stageStart += stageLength
  }
  const failureReason = outcome === 'failed' ? failureReasons[analysisStages[lastStage]] : null
  return { durationMs, outcome, risk, failureReason, checkpoints }
}
