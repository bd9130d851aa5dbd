import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CompletionAnnouncement } from '../monitor/case-monitor'
import { systemClock } from '../runtime/clock'
import type { CompletionNotice, QuietReason } from './completion-notices'
import { createNoticePipeline } from './notice-pipeline'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const caseIdOf = (n: number) => `019bfb3c-1257-7455-af2e-0cd3cadab5${String(n).padStart(2, '0')}`

function completion(n: number, overrides: Partial<CompletionAnnouncement> = {}): CompletionAnnouncement {
  return { caseId: caseIdOf(n), label: `Claim ${n}`, risk: 'low', fileCount: 1, failedFileCount: 0, completedAt: 1_000, ...overrides }
}

function openPipeline() {
  const shown: CompletionNotice[] = []
  const acknowledged: string[] = []
  const state = {
    isEnabled: true,
    quiet: null as QuietReason | null,
    muted: new Set<string>(),
    away: new Set<string>(),
    isShown: true,
  }
  const pipeline = createNoticePipeline({
    clock: systemClock,
    windowMs: 1_500,
    awayWindowMs: 4_000,
    quietCheckMs: 60_000,
    show: (notice) => {
      shown.push(notice)
      return state.isShown
    },
    isEnabled: () => state.isEnabled,
    quietReason: () => state.quiet,
    isMuted: (caseId) => state.muted.has(caseId),
    wasAway: (announcement) => state.away.has(announcement.caseId),
  })
  const add = (announcement: CompletionAnnouncement) => pipeline.addCompletion(announcement, () => acknowledged.push(announcement.caseId))
  return { pipeline, shown, acknowledged, state, add }
}

describe('notice pipeline', () => {
  it('gathers completions that land together into one notice and acknowledges each once it is shown', async () => {
    const { shown, acknowledged, add } = openPipeline()
    add(completion(1))
    add(completion(2, { risk: 'high' }))
    await vi.advanceTimersByTimeAsync(1_499)
    expect(shown).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(shown.map((notice) => notice.title)).toEqual(['2 cases completed · 1 high risk'])
    expect(shown[0]!.group).toEqual({ label: 'Completed together', caseIds: [caseIdOf(1), caseIdOf(2)] })
    expect(acknowledged).toEqual([caseIdOf(1), caseIdOf(2)])
  })

  it('leaves a completion the system refused unacknowledged, for the next start', async () => {
    const { shown, acknowledged, add, state } = openPipeline()
    state.isShown = false
    add(completion(1))
    await vi.advanceTimersByTimeAsync(1_500)
    expect(shown).toHaveLength(1)
    expect(acknowledged).toEqual([])
  })

  it('makes completions found on coming back one "while you were away" summary, waiting longer for the rest of them', async () => {
    const { shown, add, state } = openPipeline()
    for (const n of [1, 2, 3]) state.away.add(caseIdOf(n))
    add(completion(1, { risk: 'high' }))
    await vi.advanceTimersByTimeAsync(2_000)
    add(completion(2))
    add(completion(3))
    await vi.advanceTimersByTimeAsync(1_999)
    expect(shown).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(shown.map((notice) => notice.title)).toEqual(['3 cases finished while you were away · 1 high risk'])
    expect(shown[0]!.group).toEqual({ label: 'Finished while you were away', caseIds: [caseIdOf(1), caseIdOf(2), caseIdOf(3)] })
  })

  it('a muted case shows no pop-up, yet its completion is acknowledged (never shown later as a surprise)', async () => {
    const { shown, acknowledged, add, state } = openPipeline()
    state.muted.add(caseIdOf(1))
    add(completion(1))
    add(completion(2))
    await vi.advanceTimersByTimeAsync(1_500)
    expect(shown.map((notice) => notice.title)).toEqual(['Analysis complete: Claim 2'])
    expect(acknowledged.sort()).toEqual([caseIdOf(1), caseIdOf(2)])
  })

  it('during Do Not Disturb shows nothing, acknowledges everything, and sums it up once when it ends', async () => {
    const { pipeline, shown, acknowledged, add, state } = openPipeline()
    state.quiet = 'do_not_disturb'
    state.muted.add(caseIdOf(9))
    for (const n of [1, 2, 3, 4, 9]) add(completion(n, { risk: n === 2 ? 'high' : 'low' }))
    await vi.advanceTimersByTimeAsync(1_500)
    expect(shown).toEqual([])
    expect(acknowledged).toHaveLength(5)
    pipeline.recheckQuiet()
    expect(shown).toEqual([])
    state.quiet = null
    pipeline.recheckQuiet()
    expect(shown.map((notice) => notice.title)).toEqual(['4 cases finished during Do Not Disturb · 1 high risk'])
    expect(shown[0]!.group?.caseIds).toEqual([1, 2, 3, 4].map(caseIdOf))
    pipeline.recheckQuiet()
    expect(shown).toHaveLength(1)
  })

  it('notices by itself, within a minute, that quiet hours are over', async () => {
    const { shown, add, state } = openPipeline()
    state.quiet = 'quiet_hours'
    add(completion(1))
    await vi.advanceTimersByTimeAsync(1_500)
    state.quiet = null
    await vi.advanceTimersByTimeAsync(59_000)
    expect(shown).toEqual([])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(shown.map((notice) => notice.title)).toEqual(['1 case finished during quiet hours'])
  })

  it('with notifications switched off shows nothing and holds nothing back', async () => {
    const { pipeline, shown, acknowledged, add, state } = openPipeline()
    state.isEnabled = false
    add(completion(1))
    await vi.advanceTimersByTimeAsync(1_500)
    state.isEnabled = true
    pipeline.recheckQuiet()
    expect(shown).toEqual([])
    expect(acknowledged).toEqual([caseIdOf(1)])
  })

  it('tells of cases that became unreachable, several as one notice, muted ones and quiet times silent', async () => {
    const { pipeline, shown, state } = openPipeline()
    pipeline.addUnreachable({ caseId: caseIdOf(1), label: 'Gone claim', cause: 'not_found' })
    await vi.advanceTimersByTimeAsync(1_500)
    pipeline.addUnreachable({ caseId: caseIdOf(2), label: null, cause: 'key_rejected' })
    pipeline.addUnreachable({ caseId: caseIdOf(3), label: null, cause: 'key_rejected' })
    await vi.advanceTimersByTimeAsync(1_500)
    expect(shown.map((notice) => notice.title)).toEqual(['Case not found: Gone claim', 'Veridox rejected the API key'])
    expect(shown[1]!.body).toBe('2 cases cannot be followed until a valid key is saved in Settings.')
    state.muted.add(caseIdOf(4))
    pipeline.addUnreachable({ caseId: caseIdOf(4), label: null, cause: 'not_found' })
    state.quiet = 'do_not_disturb'
    pipeline.addUnreachable({ caseId: caseIdOf(5), label: null, cause: 'not_found' })
    await vi.advanceTimersByTimeAsync(1_500)
    state.quiet = null
    pipeline.recheckQuiet()
    expect(shown).toHaveLength(2)
  })
})
