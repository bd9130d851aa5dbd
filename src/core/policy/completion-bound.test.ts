import { describe, expect, it } from 'vitest'
import { defaultMonitorTuning } from '../monitor/monitor-tuning'
import { completionBoundMs } from './completion-bound'
import { documentedLimits } from './limits'

describe('completion bound', () => {
  it('follows from the documented limits and the default tuning, as written in docs/reliability.md', () => {
    const bound = (pages: number, deepCases = 0) =>
      completionBoundMs({ tuning: defaultMonitorTuning, limits: documentedLimits, pages, deepCases }) / 1000
    expect(bound(4)).toBeCloseTo(35.4, 1)
    expect(bound(10)).toBeCloseTo(48.7, 1)
    expect(bound(10, 100)).toBeCloseTo(188.7, 1)
  })

  it('shrinks when Veridox grants higher limits', () => {
    const granted = completionBoundMs({ tuning: defaultMonitorTuning, limits: { ...documentedLimits, listPerMin: 120 }, pages: 10 })
    expect(granted).toBeLessThan(completionBoundMs({ tuning: defaultMonitorTuning, limits: documentedLimits, pages: 10 }))
  })

  it('holds for a case waiting for upload, off screen, with the quiet check interval in place of the sweep interval', () => {
    const quiet = completionBoundMs({ tuning: defaultMonitorTuning, limits: documentedLimits, pages: 4, isQuiet: true })
    expect(quiet / 1000).toBeCloseTo(325.4, 1)
  })
})
