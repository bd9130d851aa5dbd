import { describe, expect, it } from 'vitest'
import { quickOptions, runUiBenchmark } from './ui-benchmark'

// Proves the benchmark still runs end to end (npm run bench:ui prints the figures); no timing is asserted here.
describe('UI benchmark, quick mode', () => {
  it('types into the search box and scrolls the list of watched cases, and returns its figures', async () => {
    const figures = await runUiBenchmark(quickOptions)
    expect(figures.cases).toBe(quickOptions.cases)
    expect(figures.keystrokeSamples).toBe(quickOptions.queries.join('').length)
    expect(figures.scrollFrameSamples).toBeGreaterThan(0)
    expect(Number.isFinite(figures.keystrokeP95Ms) && Number.isFinite(figures.scrollFrameP95Ms)).toBe(true)
  }, 180_000)
})
