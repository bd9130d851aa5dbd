import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempStateDir } from '../core/monitor/monitor-test-kit'
import { completedLines, useStateDirWatch } from './testing/state-dir-watch'

const { oneFileCase, watch } = useStateDirWatch()

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('case-monitor watch --state-dir', () => {
  // Root writes into a chmod 0500 folder regardless, so the folder is made impossible instead: its parent is a file.
  it('reports a completion once and exits 0 when the state folder cannot be written, saying so in one sentence', async () => {
    const caseId = await oneFileCase()
    const blocker = join(tempStateDir(), 'a-file')
    writeFileSync(blocker, '')
    const stateDir = join(blocker, 'state')

    const run = await watch(stateDir, caseId)

    expect(run.code).toBe(0)
    expect(completedLines(run.stdout)).toHaveLength(1)
    expect(run.stderr).toMatch(
      new RegExp(
        `^\\S+ error ${escaped(
          `Could not save the completion ledger in ${stateDir} (part of its path is a file, not a folder); completions are kept in memory for this run.`,
        )}\\n$`,
      ),
    )
  })
})
