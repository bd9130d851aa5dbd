import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { systemClock } from './clock'
import { createPacedCall } from './paced-call'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('paced call', () => {
  it('runs once at the end of the turn for any number of requests made together', async () => {
    const run = vi.fn()
    const paced = createPacedCall(systemClock, 250, run)
    for (let i = 0; i < 100; i++) paced.request()
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs at most once an interval while requests keep coming, and once more after the last of them', async () => {
    const run = vi.fn()
    const paced = createPacedCall(systemClock, 250, run)
    for (let ms = 0; ms < 1_000; ms += 10) {
      paced.request()
      await vi.advanceTimersByTimeAsync(10)
    }
    await vi.advanceTimersByTimeAsync(250)
    expect(run).toHaveBeenCalledTimes(5)
  })

  it('runs nothing after cancel', async () => {
    const run = vi.fn()
    const paced = createPacedCall(systemClock, 250, run)
    paced.request()
    paced.cancel()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(run).not.toHaveBeenCalled()
  })
})
