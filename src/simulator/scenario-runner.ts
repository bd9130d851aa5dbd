import type { CaseFactory } from './case-factory'
import type { SimulatorControl } from './control'
import type { Prng } from './prng'
import type { Scenario, ScenarioStep } from './scenario'

/** Creates the scenario's cases and plays its schedule. Returns a function that cancels what is still pending. */
export function runScenario(
  scenario: Scenario,
  deps: { control: SimulatorControl; createSimCase: CaseFactory; prng: Prng; log: (line: string) => void },
): () => void {
  const caseIds: string[] = []
  const createCases = (count: number) => {
    for (let i = 0; i < count; i++) {
      const startedFraction = scenario.caseStart === 'staggered' ? deps.prng.between(0, 0.95) : 0
      caseIds.push(deps.createSimCase({}, { labelPrefix: 'Scenario case', startedFraction }).id)
    }
  }

  const run = (step: ScenarioStep) => {
    deps.log(`simulator: scenario step at ${step.atMs} ms: ${step.action}`)
    switch (step.action) {
      case 'set-faults':
        return deps.control.setFaults({ faults: step.faults })
      case 'add-faults':
        return deps.control.addFaults({ faults: step.faults })
      case 'clear-faults':
        return deps.control.clearFaults()
      case 'revoke-key':
        return deps.control.revokeKey(step.apiKey)
      case 'add-key':
        return deps.control.addKey(step.apiKey)
      case 'create-cases':
        return createCases(step.count)
      case 'delete-case':
      case 'complete-case': {
        const caseId = caseIds[step.caseIndex]
        if (caseId === undefined) return deps.log(`simulator: scenario has no case ${step.caseIndex}`)
        return step.action === 'delete-case' ? deps.control.deleteCase(caseId) : deps.control.completeCaseNow(caseId)
      }
    }
  }

  createCases(scenario.cases ?? 0)
  const steps = [...(scenario.schedule ?? [])].sort((a, b) => a.atMs - b.atMs)
  for (const step of steps.filter((s) => s.atMs === 0)) run(step)
  const timers = steps.filter((s) => s.atMs > 0).map((step) => setTimeout(() => run(step), step.atMs))
  return () => timers.forEach(clearTimeout)
}
