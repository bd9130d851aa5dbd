import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createTestContext } from '../testing/mount-app'
import { fakeViewport } from '../testing/fake-viewport'
import { makeCase, makeConnection, makeSettings } from '../testing/fixtures'
import { useNoticesStore } from '../stores/notices'
import { useSessionStore } from '../stores/session'
import CaseList from './CaseList.vue'

async function setup(count: number) {
  const views = Array.from({ length: count }, (_, i) => makeCase({ label: `Case ${i}`, addedAt: 10_000 - i }))
  const context = createTestContext({
    getSnapshot: () => ({ cases: views, settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() }),
    reportVisibleCases: () => undefined,
    unwatchCase: () => undefined,
    rewatchCases: ({ cases }) => views.filter((view) => cases.some((one) => one.caseId === view.caseId)),
    setCasePinned: ({ caseId, isPinned }) => ({ ...views.find((view) => view.caseId === caseId)!, isPinned, updatedAt: 99_999 }),
  })
  await useSessionStore().start()
  const wrapper = mount(CaseList, { global: context.global, attachTo: document.body })
  await flushPromises()
  const row = (i: number) => document.querySelector<HTMLElement>(`[data-case-id="${views[i]!.caseId}"]`)
  const press = async (key: string, target: Element | null = document.activeElement) => {
    target!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    await flushPromises()
  }
  return { ...context, views, wrapper, row, press }
}

describe('CaseList keyboard', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    fakeViewport()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('makes one row reachable with Tab and moves with the arrows and j/k', async () => {
    const { row, press } = await setup(5)
    expect(row(0)!.tabIndex).toBe(0)
    expect(row(1)!.tabIndex).toBe(-1)
    row(0)!.focus()
    await press('ArrowDown')
    expect(document.activeElement).toBe(row(1))
    await press('j')
    expect(document.activeElement).toBe(row(2))
    await press('k')
    await press('ArrowUp')
    expect(document.activeElement).toBe(row(0))
    await press('ArrowUp')
    expect(document.activeElement).toBe(row(0))
    expect(row(0)!.tabIndex).toBe(0)
  })

  it('opens the focused case with Enter', async () => {
    const { row, press, views } = await setup(3)
    row(1)!.focus()
    await press('Enter')
    expect(document.getElementById(`files-${views[1]!.caseId}`)).not.toBeNull()
    expect(document.activeElement).toBe(row(1))
  })

  it('pins with p and keeps focus on the pinned row', async () => {
    const { row, press, fake, views } = await setup(5)
    row(3)!.focus()
    await press('p')
    await vi.advanceTimersByTimeAsync(100)
    expect(fake.callsTo('setCasePinned')).toEqual([[{ caseId: views[3]!.caseId, isPinned: true }]])
    expect(document.activeElement).toBe(row(3))
    expect(document.activeElement).not.toBe(document.body)
  })

  it('removes with x or Delete, moves focus to the next row and offers an undo that watches the case again', async () => {
    const { row, press, fake, views } = await setup(4)
    row(1)!.focus()
    await press('x')
    await vi.advanceTimersByTimeAsync(100)
    expect(fake.callsTo('unwatchCase')).toEqual([[{ caseId: views[1]!.caseId }]])
    expect(row(1)).toBeNull()
    expect(document.activeElement).toBe(row(2))

    await press('Delete')
    await vi.advanceTimersByTimeAsync(100)
    expect(row(2)).toBeNull()
    expect(document.activeElement).toBe(row(3))

    const notices = useNoticesStore()
    const notice = notices.notices.find((n) => n.text === 'Stopped watching Case 1.')!
    expect(notice.action?.label).toBe('Undo')
    await notice.action!.run()
    await flushPromises()
    expect(fake.callsTo('rewatchCases')).toEqual([
      [{ cases: [{ caseId: views[1]!.caseId, isPinned: false, isMuted: false, localLabel: null }] }],
    ])
    expect(row(1)).not.toBeNull()
  })

  it('u on a row undoes the last removal for as long as its toast shows', async () => {
    const { row, press, fake, views } = await setup(4)
    row(1)!.focus()
    await press('x')
    await vi.advanceTimersByTimeAsync(100)
    await press('u')
    await vi.advanceTimersByTimeAsync(100)
    expect(fake.callsTo('rewatchCases')).toEqual([
      [{ cases: [{ caseId: views[1]!.caseId, isPinned: false, isMuted: false, localLabel: null }] }],
    ])
    expect(document.activeElement).toBe(row(1))
    expect(useNoticesStore().notices.some((n) => n.text === 'Stopped watching Case 1.')).toBe(false)
    await press('u')
    expect(fake.callsTo('rewatchCases')).toHaveLength(1)

    await press('x')
    await vi.advanceTimersByTimeAsync(9_000)
    await press('u', row(2))
    expect(fake.callsTo('rewatchCases')).toHaveLength(1)
  })

  it('keeps focus in the list when the last row is removed with its button', async () => {
    const { row, views } = await setup(3)
    const button = row(2)!.querySelector<HTMLElement>(`[aria-label="Stop watching ${views[2]!.label}"]`)!
    button.focus()
    button.click()
    await flushPromises()
    await vi.advanceTimersByTimeAsync(100)
    expect(document.activeElement).toBe(row(1))
  })

  it('ignores row keys typed into a control inside the row', async () => {
    const { row, press, fake } = await setup(3)
    const pin = row(0)!.querySelector<HTMLElement>('.pin')!
    pin.focus()
    await press('j')
    expect(document.activeElement).toBe(pin)
    await press('x')
    expect(fake.callsTo('unwatchCase')).toEqual([])
  })
})
