import { describe, expect, it } from 'vitest'
import { analysisStages, planFile, type AnalysisProfile } from './analysis-plan'
import { createPrng } from './prng'

const profile: AnalysisProfile = {
  meanMs: 1000,
  durationRangeMs: null,
  failureRate: 0.2,
  riskWeights: { informational: 1, low: 1, medium: 1, high: 1 },
  stepsPerStage: 2,
  filesPerCase: { min: 1, max: 3 },
}

describe('planFile', () => {
  it('walks every stage with rising progress below 100, inside the duration', () => {
    const plan = planFile(createPrng(1), profile, { outcome: 'success' })
    expect(plan.checkpoints).toHaveLength(1 + analysisStages.length * 2)
    expect(new Set(plan.checkpoints.map((c) => c.stage))).toEqual(new Set(analysisStages))
    for (let i = 1; i < plan.checkpoints.length; i++) {
      expect(plan.checkpoints[i].progress).toBeGreaterThan(plan.checkpoints[i - 1].progress)
      expect(plan.checkpoints[i].atMs).toBeGreaterThanOrEqual(plan.checkpoints[i - 1].atMs)
    }
    expect(plan.checkpoints.at(-1)!.progress).toBeLessThan(100)
    expect(plan.checkpoints.at(-1)!.atMs).toBeLessThanOrEqual(plan.durationMs)
    expect(plan.risk).not.toBeNull()
  })

  it('gives failed files no risk and honours overrides', () => {
    const plan = planFile(createPrng(1), profile, { outcome: 'failed', durationMs: 777 })
    expect(plan).toMatchObject({ outcome: 'failed', risk: null, durationMs: 777 })
  })

  it('spreads durations around the mean and mixes outcomes and risks', () => {
    const prng = createPrng(3)
    const plans = Array.from({ length: 400 }, () => planFile(prng, profile))
    const durations = plans.map((p) => p.durationMs)
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(600)
    expect(Math.max(...durations)).toBeLessThanOrEqual(1400)
    const failed = plans.filter((p) => p.outcome === 'failed').length
    expect(failed).toBeGreaterThan(40)
    expect(failed).toBeLessThan(130)
    expect(new Set(plans.map((p) => p.risk))).toEqual(new Set([null, 'informational', 'low', 'medium', 'high']))
  })
})
