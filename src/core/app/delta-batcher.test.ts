import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaseView } from '../../shared/case-view'
import { systemClock } from '../runtime/clock'
import { createDeltaBatcher, type EventSink } from './delta-batcher'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const view = (caseId: string, progress: number) => ({ caseId, progress }) as unknown as CaseView

describe('delta batcher', () => {
  it('sends at most one message per interval, with the latest view of each changed case', async () => {
    const sent: { event: string; payload: unknown }[] = []
    const latest = new Map<string, number>()
    let flushes = 0
    const batcher = createDeltaBatcher({
      clock: systemClock,
      intervalMs: 100,
      view: (caseId) => view(caseId, latest.get(caseId) ?? 0),
      send: ((event, payload) => sent.push({ event, payload })) as EventSink,
      onFlushed: () => flushes++,
    })
    for (let progress = 1; progress <= 1_000; progress++) {
      latest.set('a', progress)
      batcher.changed('a')
      batcher.changed('b')
    }
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toEqual([{ event: 'casesChanged', payload: [view('a', 1_000), view('b', 0)] }])
    expect(flushes).toBe(1)
  })

  it('sends a removal instead of a change for a case removed within the interval', async () => {
    const sent: { event: string; payload: unknown }[] = []
    const batcher = createDeltaBatcher({
      clock: systemClock,
      intervalMs: 100,
      view: (caseId) => view(caseId, 5),
      send: ((event, payload) => sent.push({ event, payload })) as EventSink,
    })
    batcher.changed('a')
    batcher.removed('a')
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toEqual([{ event: 'casesRemoved', payload: ['a'] }])
  })
})
