import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadScenarioFile, startSimulator, type Scenario, type Simulator } from './index'
import { get } from './test-support/http-client'

export const exampleScenario: Scenario = {
  cases: 3,
  caseStart: 'fresh',
  filesPerCase: { min: 2, max: 2 },
  fileDurationMs: { min: 200, max: 300 },
  failureRate: 0.5,
  riskMix: { high: 1 },
  framing: 'named',
  schedule: [
    { atMs: 0, action: 'set-faults', faults: [{ kind: 'server-error', status: 503, routes: ['list'], count: 1 }] },
    { atMs: 100, action: 'delete-case', caseIndex: 0 },
    { atMs: 150, action: 'revoke-key', apiKey: 'vdx_simulator' },
  ],
}

async function writeTemp(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sim-scenario-'))
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

let sim: Simulator | null = null
afterEach(() => sim?.close())

describe('scenario files', () => {
  it('loads a valid file', async () => {
    const path = await writeTemp('ok.json', JSON.stringify(exampleScenario))
    expect(await loadScenarioFile(path)).toEqual(exampleScenario)
  })

  it('names the file and the first problem of a bad one', async () => {
    const bad = await writeTemp(
      'bad.json',
      JSON.stringify({ cases: 2, schedule: [{ atMs: 5, action: 'set-faults', faults: [{ kind: 'explode' }] }] }),
    )
    await expect(loadScenarioFile(bad)).rejects.toThrow(/bad\.json: invalid scenario \(schedule\.0\.faults\.0\.kind: /)
    const typo = await writeTemp('typo.json', JSON.stringify({ casess: 2 }))
    await expect(loadScenarioFile(typo)).rejects.toThrow(/typo\.json.*casess/)
    const notJson = await writeTemp('x.json', '{')
    await expect(loadScenarioFile(notJson)).rejects.toThrow('is not valid JSON')
    await expect(loadScenarioFile('/nonexistent/s.json')).rejects.toThrow('cannot read scenario file /nonexistent/s.json: ENOENT')
  })

  it('runs: creates the cases with its mix, and plays the schedule', async () => {
    sim = await startSimulator({ scenario: exampleScenario })
    const first = await get(sim.baseUrl, '/cases')
    expect(first.status).toBe(503)
    const list = (await get(sim.baseUrl, '/cases')).json as { cases: { case_id: string }[] }
    expect(list.cases).toHaveLength(3)
    const oldest = list.cases.at(-1)!.case_id
    await new Promise((r) => setTimeout(r, 400))
    expect(sim.control.caseDetails(oldest)).toBeNull()
    expect((await get(sim.baseUrl, '/cases')).status).toBe(401)
    const details = sim.control.caseDetails(list.cases[0].case_id) as {
      files: { analysis_outcome: string; current_risk_score: string | null }[]
      file_analysis_status: string
    }
    expect(details.file_analysis_status).toBe('file_analysis_complete')
    for (const file of details.files)
      expect(file.analysis_outcome === 'failed' ? file.current_risk_score === null : file.current_risk_score === 'high').toBe(true)
  })
})
