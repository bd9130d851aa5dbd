import { defaultRiskWeights, type AnalysisProfile } from './analysis-plan'
import type { CaseFactory } from './case-factory'
import type { LoadOptions } from './options'
import type { Prng } from './prng'

// Realistic case names, so a newcomer sees what an analyst's list looks like (all fictitious).
const demoLabels = [
  'Mortgage application — J. Okafor',
  'Motor claim CLM-2026-00142',
  'KYC refresh · Harlow Logistics Ltd',
  'Rental guarantor — M. Haddad',
  'Home insurance claim CLM-2026-00187',
  'Car finance — R. Castellanos',
  'Vendor onboarding · Brightwater Foods',
  'Student loan evidence — A. Nowak',
  'Travel claim CLM-2026-00203',
  'Business account opening · Kestrel Studio',
]

/** Cases already in flight at start, some just begun and some nearly done. */
export function createDemoCases(createSimCase: CaseFactory, prng: Prng, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const extras = { labelPrefix: 'Demo case', startedFraction: prng.between(0, 0.95) }
    return createSimCase(i < demoLabels.length ? { label: demoLabels[i] } : {}, extras).id
  })
}

/**
 * Long cases whose progress events add up to about eventsPerSecond: each file gets as many steps
 * per stage as that rate needs over durationMs.
 */
export function loadProfile(load: Required<LoadOptions>): AnalysisProfile {
  const eventsPerCase = (load.eventsPerSecond / load.cases) * (load.durationMs / 1000)
  const eventsPerFile = eventsPerCase / load.filesPerCase
  // Each file sends a start event, 7 stages × steps progress events and one completion.
  const stepsPerStage = Math.max(1, Math.round((eventsPerFile - 2) / 7))
  return {
    meanMs: load.durationMs,
    durationRangeMs: { min: Math.round(load.durationMs * 0.97), max: Math.round(load.durationMs * 1.03) },
    failureRate: 0.05,
    riskWeights: defaultRiskWeights,
    stepsPerStage,
    filesPerCase: { min: load.filesPerCase, max: load.filesPerCase },
  }
}

export function createLoadCases(createSimCase: CaseFactory, prng: Prng, load: Required<LoadOptions>): string[] {
  const profile = loadProfile(load)
  // A small random head start per case keeps a thousand cases from ticking in lockstep.
  return Array.from(
    { length: load.cases },
    () => createSimCase({}, { labelPrefix: 'Load case', profile, startedFraction: prng.between(0, 0.02) }).id,
  )
}
