import { describe, expect, it } from 'vitest'
import { createMemoryDocument } from '../persistence/memory-document'
import type { Clock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import type { ProgressEvent } from '../veridox/progress-event'
import { createCaseOutcomes } from './case-outcomes'
import { openCompletionLedger } from './completion-ledger'
import { createMonitorBus } from './monitor-bus'
import { defaultMonitorTuning } from './monitor-tuning'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const fileId = '019e2a1b-7c3d-7f00-8a1b-2c3d4e5f6a7b'

function followedCase() {
  let now = Date.UTC(2026, 0, 1)
  const clock: Clock = { now: () => now, setTimeout: () => () => undefined, random: () => 0.5 }
  const bus = createMonitorBus(silentLog)
  const ledger = openCompletionLedger(createMemoryDocument(), silentLog)
  const outcomes = createCaseOutcomes({ clock, log: silentLog, tuning: defaultMonitorTuning, ledger, bus, restored: [] })
  outcomes.watch([caseId])
  let changes = 0
  bus.on('caseChanged', () => (changes += 1))
  return {
    stream(event: ProgressEvent): void {
      now += 10
      outcomes.apply({ kind: 'stream-message', caseId, message: { kind: 'event', event } })
    },
    changes: () => changes,
    lastEventId: () => outcomes.records.get(caseId)!.lastEventId,
  }
}

const progress = (id: string, value: number): ProgressEvent => ({
  type: 'file.analysis.progress',
  id,
  fileId,
  stage: 'ela',
  progress: value,
})

describe('what an event changes', () => {
  it('tells a change for an event that moves the case, and none for one that repeats what is known, while still resuming after it', () => {
    const followed = followedCase()
    followed.stream(progress('e1', 40))
    const afterFirst = followed.changes()
    expect(afterFirst).toBeGreaterThan(0)
    followed.stream(progress('e2', 40))
    followed.stream(progress('e3', 30))
    expect(followed.changes()).toBe(afterFirst)
    expect(followed.lastEventId()).toBe('e3')
    followed.stream(progress('e4', 41))
    expect(followed.changes()).toBe(afterFirst + 1)
  })
})
