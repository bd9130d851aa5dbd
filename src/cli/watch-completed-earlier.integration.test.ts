import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempStateDir } from '../core/monitor/monitor-test-kit'
import { completedLines, useStateDirWatch } from './testing/state-dir-watch'

const { oneFileCase, simulator, watch } = useStateDirWatch()

describe('case-monitor watch --state-dir', () => {
  it.each([
    ['has no watch list', null],
    ['has a watch list without the case', { version: 1, cases: [] }],
  ])('ends at once with no second completed line when the ledger knows the case and the folder %s', async (_name, watchList) => {
    const caseId = await oneFileCase()
    simulator().control.completeCaseNow(caseId)
    const stateDir = tempStateDir()
    writeFileSync(
      join(stateDir, 'completion-ledger.json'),
      JSON.stringify({ version: 2, announced: { [caseId]: Date.now() }, pending: {} }),
    )
    if (watchList) writeFileSync(join(stateDir, 'watch-list.json'), JSON.stringify(watchList))

    const run = await watch(stateDir, caseId)

    expect(run.code).toBe(0)
    expect(run.elapsedMs).toBeLessThan(5_000)
    expect(completedLines(run.stdout)).toHaveLength(0)
    expect(run.stderr).toBe(`Case ${caseId} completed earlier; its completion was already reported (state in ${stateDir}).\n`)
  })
})
