import { describe, expect, it } from 'vitest'
import type { CaseView } from '../../shared/case-view'
import { caseViewFixture } from '../../shared/testing/case-view-fixture'
import { describeTray, type TrayInputs, type TrayMenuItem } from './tray-model'

const id = (n: number): string => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`
const analysing = (n: number, overrides: Partial<CaseView> = {}): CaseView =>
  caseViewFixture({ caseId: id(n), label: `Claim ${n}`, progress: 40, ...overrides })
const completed = (n: number, completedAt: number, overrides: Partial<CaseView> = {}): CaseView =>
  caseViewFixture({ caseId: id(n), label: `Done ${n}`, state: 'completed', followedBy: null, progress: 100, completedAt, ...overrides })

const inputs = (overrides: Partial<TrayInputs>): TrayInputs => ({
  views: [],
  isPaused: false,
  doNotDisturb: false,
  isQuietHours: false,
  ...overrides,
})

const labels = (menu: TrayMenuItem[]): string[] => menu.map((item) => ('label' in item ? item.label : '---'))

describe('the tray model', () => {
  it('is idle with nothing in analysis, and analysing with the count in the title and tooltip', () => {
    expect(describeTray(inputs({ views: [completed(1, 10)] }))).toMatchObject({ state: 'idle', count: 0, title: '' })
    const model = describeTray(inputs({ views: [analysing(1), analysing(2), completed(3, 10)] }))
    expect(model).toMatchObject({ state: 'analysing', count: 2, title: '2' })
    expect(model.tooltip).toBe('Case Monitor — 2 analysing, 1 completed')
  })

  it('needs attention for an unseen completion or a case that stopped short, not for a seen one', () => {
    const views = [analysing(1), completed(2, 10, { risk: 'high' })]
    expect(describeTray(inputs({ views })).state).toBe('analysing')
    const unseen = describeTray(inputs({ views: [analysing(1), completed(2, 10, { risk: 'high', isUnseen: true })] }))
    expect(unseen.state).toBe('attention')
    expect(unseen.tooltip).toContain('1 new result (1 high risk)')
    expect(describeTray(inputs({ views: [caseViewFixture({ caseId: id(3), state: 'not_found' })] })).state).toBe('attention')
  })

  it('is degraded while reconnecting, offline, rate-limited, on a fallback poll or paused, but not on a routine poll', () => {
    const degraded = (view: CaseView, extra: Partial<TrayInputs> = {}) => describeTray(inputs({ views: [view], ...extra })).state
    expect(degraded(analysing(1, { state: 'reconnecting' }))).toBe('degraded')
    expect(degraded(analysing(1, { state: 'offline', followedBy: null }))).toBe('degraded')
    expect(degraded(analysing(1, { problem: { code: 'rate_limited', message: 'slow down' } }))).toBe('degraded')
    expect(degraded(analysing(1, { state: 'polling', followedBy: 'poll', problem: { code: 'network_unreachable', message: 'x' } }))).toBe(
      'degraded',
    )
    expect(degraded(analysing(1, { state: 'polling', followedBy: 'poll' }))).toBe('analysing')
    const paused = describeTray(inputs({ views: [analysing(1)], isPaused: true }))
    expect(paused.state).toBe('degraded')
    expect(paused.tooltip).toContain('paused')
  })

  it('ranks attention over degraded over do-not-disturb over analysing', () => {
    const all = inputs({
      views: [analysing(1, { state: 'reconnecting' }), completed(2, 10, { isUnseen: true })],
      doNotDisturb: true,
    })
    expect(describeTray(all).state).toBe('attention')
    expect(describeTray({ ...all, views: [analysing(1, { state: 'reconnecting' }), completed(2, 10)] }).state).toBe('degraded')
    expect(describeTray(inputs({ views: [analysing(1)], doNotDisturb: true })).state).toBe('dnd')
    expect(describeTray(inputs({ doNotDisturb: true })).tooltip).toContain('do not disturb')
  })

  it('lists at most 8 cases in analysis with their progress and 5 latest completions, newest first', () => {
    const views = [
      ...Array.from({ length: 11 }, (_, n) => analysing(n + 1, { progress: n === 0 ? null : 47 })),
      ...Array.from({ length: 7 }, (_, n) => completed(100 + n, 1_000 + n, n === 6 ? { risk: 'high', isUnseen: true } : {})),
    ]
    const model = describeTray(inputs({ views }))
    const menu = labels(model.menu)
    expect(menu.slice(0, 11)).toEqual([
      'In analysis',
      'Claim 1 — starting',
      ...Array.from({ length: 7 }, (_, n) => `Claim ${n + 2} — 40%`),
      'and 3 more',
      '---',
    ])
    expect(menu.slice(11, 17)).toEqual(['Latest completions', 'Done 106 — High risk · new', 'Done 105', 'Done 104', 'Done 103', 'Done 102'])
    expect(menu.slice(-6)).toEqual(['---', 'Show Case Monitor', 'Pause watching', 'Do not disturb', '---', 'Quit'])
    expect(model.menu.find((item) => item.kind === 'case')).toEqual({ kind: 'case', caseId: id(1), label: 'Claim 1 — starting' })
  })

  it('keeps outside text short and free of menu accelerators', () => {
    const model = describeTray(inputs({ views: [analysing(1, { label: `R&D ${'x'.repeat(200)}` })] }))
    const item = model.menu.find((entry) => entry.kind === 'case')!
    expect('label' in item && item.label.startsWith('R&&D x')).toBe(true)
    expect('label' in item && item.label.length).toBeLessThanOrEqual(60)
  })

  it('shows the pause and do-not-disturb items checked when they are on', () => {
    const model = describeTray(inputs({ isPaused: true, doNotDisturb: true }))
    expect(model.menu.filter((item) => item.kind === 'toggle')).toEqual([
      { kind: 'toggle', command: 'togglePause', label: 'Pause watching', isChecked: true },
      { kind: 'toggle', command: 'toggleDoNotDisturb', label: 'Do not disturb', isChecked: true },
    ])
  })

  it('shows the do-not-disturb glyph during quiet hours too, but leaves the Do not disturb switch as the analyst set it', () => {
    const model = describeTray(inputs({ views: [analysing(1)], isQuietHours: true }))
    expect(model.state).toBe('dnd')
    expect(model.tooltip).toContain('quiet hours')
    expect(model.menu).toContainEqual(expect.objectContaining({ command: 'toggleDoNotDisturb', isChecked: false }))
  })
})
