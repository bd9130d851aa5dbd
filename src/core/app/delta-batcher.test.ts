import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaseView } from '../../shared/case-view'
import { systemClock } from '../runtime/clock'
import { createDeltaBatcher, type EventSink } from './delta-batcher'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const view = (caseId: string, progress: number) => ({ caseId, progress }) as unknown as CaseView

/** A batcher over a map of current progress; a case missing from the map has no view (it is gone). */
function openBatcher() {
  const progress = new Map<string, number>()
  const sent: { event: string; payload: unknown }[] = []
  let flushes = 0
  const batcher = createDeltaBatcher({
    clock: systemClock,
    intervalMs: 100,
    view: (caseId) => (progress.has(caseId) ? view(caseId, progress.get(caseId)!) : null),
    send: ((event, payload) => sent.push({ event, payload })) as EventSink,
    onFlushed: () => flushes++,
  })
  const change = (caseId: string, value: number) => {
    progress.set(caseId, value)
    batcher.changed(caseId)
  }
  return { batcher, progress, sent, change, flushes: () => flushes }
}

describe('delta batcher', () => {
  it('sends N changes made together as exactly one message, one latest view per case, in first-change order', async () => {
    const { sent, change, flushes } = openBatcher()
    for (let step = 1; step <= 1_000; step++) {
      change('b', step)
      change('a', step * 2)
      change('c', 7)
    }
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual([{ event: 'casesChanged', payload: [view('b', 1_000), view('a', 2_000), view('c', 7)] }])
    expect(flushes()).toBe(1)
  })

  it('sends a change that follows a quiet spell at once: the first of a stream waits for no interval', async () => {
    const { sent, change } = openBatcher()
    await vi.advanceTimersByTimeAsync(500)
    change('a', 1)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual([{ event: 'casesChanged', payload: [view('a', 1)] }])
  })

  it('sends at most one message an interval while changes keep coming, holding the latest of each', async () => {
    const { sent, change } = openBatcher()
    change('a', 1)
    await vi.advanceTimersByTimeAsync(0)
    for (let ms = 10; ms < 100; ms += 10) {
      change('a', ms)
      await vi.advanceTimersByTimeAsync(10)
    }
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(10)
    expect(sent).toEqual([
      { event: 'casesChanged', payload: [view('a', 1)] },
      { event: 'casesChanged', payload: [view('a', 90)] },
    ])
  })

  it('sends the changes of the next interval as a second message, holding only the cases changed in it', async () => {
    const { sent, change } = openBatcher()
    change('a', 1)
    change('b', 1)
    await vi.advanceTimersByTimeAsync(100)
    change('b', 2)
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toEqual([
      { event: 'casesChanged', payload: [view('a', 1), view('b', 1)] },
      { event: 'casesChanged', payload: [view('b', 2)] },
    ])
  })

  it('sends nothing, and does not flush, while nothing changes', async () => {
    const { sent, change, flushes } = openBatcher()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toEqual([])
    expect(flushes()).toBe(0)
    change('a', 1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toHaveLength(1)
    expect(flushes()).toBe(1)
  })

  it('reads each view when it sends, not when the change arrives', async () => {
    const { batcher, progress, sent } = openBatcher()
    batcher.changed('a')
    progress.set('a', 42)
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toEqual([{ event: 'casesChanged', payload: [view('a', 42)] }])
  })

  it('lets a removal after a change in the same interval win: only the removal is sent', async () => {
    const { batcher, sent, change } = openBatcher()
    change('a', 5)
    batcher.removed('a')
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toEqual([{ event: 'casesRemoved', payload: ['a'] }])
  })

  it('lets a change after a removal in the same interval win: only the change is sent', async () => {
    const { batcher, sent, change } = openBatcher()
    batcher.removed('a')
    change('a', 5)
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toEqual([{ event: 'casesChanged', payload: [view('a', 5)] }])
  })

  it('sends the removals of an interval before its changes, each as one message', async () => {
    const { batcher, sent, change } = openBatcher()
    change('a', 1)
    batcher.removed('x')
    batcher.removed('y')
    change('b', 2)
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toEqual([
      { event: 'casesRemoved', payload: ['x', 'y'] },
      { event: 'casesChanged', payload: [view('a', 1), view('b', 2)] },
    ])
  })

  it('leaves out a changed case that no longer has a view, and sends no empty message', async () => {
    const { batcher, sent, change, progress, flushes } = openBatcher()
    change('a', 1)
    batcher.changed('gone')
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toEqual([{ event: 'casesChanged', payload: [view('a', 1)] }])
    progress.delete('a')
    batcher.changed('a')
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toHaveLength(1)
    expect(flushes()).toBe(2)
  })

  it('sends at once on flush(), and then not again at the end of the interval', async () => {
    const { batcher, sent, change } = openBatcher()
    change('a', 1)
    batcher.flush()
    expect(sent).toEqual([{ event: 'casesChanged', payload: [view('a', 1)] }])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toHaveLength(1)
  })

  it('drops what is pending on dispose', async () => {
    const { batcher, sent, change, flushes } = openBatcher()
    change('a', 1)
    batcher.removed('b')
    batcher.dispose()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toEqual([])
    expect(flushes()).toBe(0)
  })
})
