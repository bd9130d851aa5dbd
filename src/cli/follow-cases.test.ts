import { describe, expect, it } from 'vitest'
import type { CaseView } from '../shared/case-view'
import { caseViewFixture } from '../shared/testing/case-view-fixture'
import type { CompletionAnnouncement } from '../core/monitor/case-monitor'
import { documentedLimits } from '../core/policy/limits'
import { followUntilDone, type FollowedMonitor } from './follow-cases'
import { createMemoryIo } from './testing/memory-io'

const caseIdOf = (n: number): string => `019c0000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`

/** A monitor that holds views the test sets, tells their changes, and counts how often a view is built. */
function fakeMonitor() {
  const views = new Map<string, CaseView>()
  const changed = new Set<(caseId: string) => void>()
  const announced = new Set<(announcement: CompletionAnnouncement) => void>()
  let viewsBuilt = 0
  const monitor = {
    watch: (caseIds) => caseIds.forEach((caseId) => views.set(caseId, caseViewFixture({ caseId, state: 'connecting' }))),
    view(caseId) {
      viewsBuilt += 1
      return views.get(caseId) ?? null
    },
    onChanged(listener) {
      changed.add(listener)
      return () => void changed.delete(listener)
    },
    onAnnounced(listener) {
      announced.add(listener)
      return () => void announced.delete(listener)
    },
    onKeyRejected: () => () => undefined,
    pendingAnnouncements: () => [],
    acknowledge: () => undefined,
  } satisfies FollowedMonitor
  return {
    monitor,
    change(caseId: string, overrides: Partial<CaseView>): void {
      views.set(caseId, { ...views.get(caseId)!, ...overrides })
      changed.forEach((listener) => listener(caseId))
    },
    complete(caseId: string): void {
      views.set(caseId, { ...views.get(caseId)!, state: 'completed', progress: 100 })
      const announcement = { caseId, label: null, risk: 'low', fileCount: 1, failedFileCount: 0, completedAt: 0 } as const
      announced.forEach((listener) => listener(announcement))
      changed.forEach((listener) => listener(caseId))
    },
    viewsBuilt: () => viewsBuilt,
  }
}

function follow(caseIds: string[]) {
  const fake = fakeMonitor()
  const memory = createMemoryIo()
  const args = { baseUrl: 'https://api.veridox.test', isJson: true, stateDir: null, caseIds, limits: documentedLimits }
  const exit = followUntilDone(fake.monitor, args, memory.io)
  return { ...fake, exit, memory }
}

describe('following cases from a terminal', () => {
  it('looks only at the case that changed, however many are watched', () => {
    const caseIds = Array.from({ length: 2_000 }, (_, n) => caseIdOf(n))
    const followed = follow(caseIds)
    const before = followed.viewsBuilt()
    for (let progress = 1; progress <= 100; progress++) followed.change(caseIds[0]!, { state: 'live', progress })
    expect(followed.viewsBuilt() - before).toBeLessThanOrEqual(2 * 100)
  })

  it('exits 0 once every case has completed, and not before', async () => {
    const caseIds = [caseIdOf(1), caseIdOf(2)]
    const followed = follow(caseIds)
    let exitCode: number | null = null
    void followed.exit.then((code) => (exitCode = code))
    followed.complete(caseIds[0]!)
    followed.change(caseIds[1]!, { state: 'live', progress: 50 })
    await Promise.resolve()
    expect(exitCode).toBeNull()
    followed.complete(caseIds[1]!)
    expect(await followed.exit).toBe(0)
  })

  it('exits 1 once every case has ended when one of them was not found', async () => {
    const caseIds = [caseIdOf(1), caseIdOf(2)]
    const followed = follow(caseIds)
    followed.change(caseIds[0]!, { state: 'not_found' })
    followed.complete(caseIds[1]!)
    expect(await followed.exit).toBe(1)
  })

  it('prints each change as one JSON line: the case record and the time', () => {
    const followed = follow([caseIdOf(1)])
    followed.change(caseIdOf(1), { state: 'live', progress: 40 })
    followed.change(caseIdOf(1), { state: 'live', progress: 40, updatedAt: 5 })
    const lines = followed.memory.stdout().trim().split('\n')
    expect(lines).toHaveLength(2)
    const last = JSON.parse(lines[1]!) as Record<string, unknown>
    expect(last).toMatchObject({ caseId: caseIdOf(1), state: 'live', progress: 40, files: [] })
    expect(Object.keys(last).at(-1)).toBe('at')
    expect(new Date(last.at as string).toISOString()).toBe(last.at)
  })
})
