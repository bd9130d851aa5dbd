import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { CaseView } from '@shared/case-view'
import { createTestContext } from '../testing/mount-app'
import { fakeViewport } from '../testing/fake-viewport'
import { makeCase, makeConnection, makeSettings } from '../testing/fixtures'
import { useNoticesStore } from '../stores/notices'
import { useSessionStore } from '../stores/session'
import CaseList from './CaseList.vue'

async function setup(overrides: Partial<CaseView>[]) {
  const views = overrides.map((extra, i) => makeCase({ label: `Case ${i}`, addedAt: 10_000 - i, ...extra }))
  const context = createTestContext({
    getSnapshot: () => ({ cases: views, settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() }),
    reportVisibleCases: () => undefined,
    unwatchCase: () => undefined,
    unwatchCases: () => undefined,
    rewatchCases: ({ cases }) => cases.map((one) => ({ ...views.find((view) => view.caseId === one.caseId)!, ...one, updatedAt: 99_999 })),
  })
  await useSessionStore().start()
  const wrapper = mount(CaseList, { global: context.global, attachTo: document.body })
  await flushPromises()
  const row = (i: number) => document.querySelector<HTMLElement>(`[data-case-id="${views[i]!.caseId}"]`)
  const checkbox = (i: number) => row(i)!.querySelector<HTMLInputElement>('input[type="checkbox"]')!
  const click = async (element: HTMLElement, init: MouseEventInit = {}) => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }))
    await flushPromises()
  }
  const button = (name: string) =>
    [...document.querySelectorAll<HTMLButtonElement>('button')].find((one) => one.textContent?.trim() === name) ?? null
  return { ...context, views, wrapper, row, checkbox, click, button }
}

const plain = (count: number): Partial<CaseView>[] => Array.from({ length: count }, () => ({}))

describe('CaseList selection and bulk removal', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    fakeViewport()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('shows a bulk bar once something is selected; shift-click selects a range; Clear empties it', async () => {
    const { checkbox, click, button, wrapper } = await setup(plain(6))
    expect(wrapper.find('.bulk-bar').exists()).toBe(false)
    await click(checkbox(1))
    expect(wrapper.get('.bulk-bar').text()).toContain('1 selected')
    await click(checkbox(4), { shiftKey: true })
    expect([0, 1, 2, 3, 4, 5].map((i) => checkbox(i).checked)).toEqual([false, true, true, true, true, false])
    expect(wrapper.get('.bulk-bar').text()).toContain('4 selected')

    await click(button('Clear')!)
    expect(wrapper.find('.bulk-bar').exists()).toBe(false)
    expect(checkbox(2).checked).toBe(false)
  })

  it('selects every case shown with one checkbox', async () => {
    const { click, wrapper } = await setup(plain(5))
    await click(wrapper.get<HTMLInputElement>('input[aria-label="Select all shown cases"]').element)
    expect(wrapper.get('.bulk-bar').text()).toContain('5 selected')
  })

  it('removes the selected cases in one command, with one Undo that brings them all back pinned, muted and named', async () => {
    const { checkbox, click, button, fake, views, row } = await setup([{}, { isPinned: true }, { isMuted: true, localLabel: 'Hart' }, {}])
    await click(checkbox(1))
    await click(checkbox(2))
    checkbox(2).focus()
    await click(button('Remove selected')!)
    await vi.advanceTimersByTimeAsync(100)

    expect(fake.callsTo('unwatchCases')).toEqual([[{ caseIds: [views[1]!.caseId, views[2]!.caseId] }]])
    expect(fake.callsTo('unwatchCase')).toEqual([])
    expect(row(1)).toBeNull()
    expect(row(2)).toBeNull()
    expect(document.activeElement).not.toBe(document.body)
    // Pinned, case 1 was on top: the row now in its place takes focus.
    expect(document.activeElement).toBe(row(0))
    const toasts = useNoticesStore().notices.filter((notice) => notice.action?.label === 'Undo')
    expect(toasts.map((notice) => notice.text)).toEqual(['Stopped watching 2 cases.'])

    await toasts[0]!.action!.run()
    await flushPromises()
    expect(fake.callsTo('rewatchCases')).toEqual([
      [
        {
          cases: [
            { caseId: views[1]!.caseId, isPinned: true, isMuted: false, localLabel: null },
            { caseId: views[2]!.caseId, isPinned: false, isMuted: true, localLabel: 'Hart' },
          ],
        },
      ],
    ])
    expect(row(1)).not.toBeNull()
    expect(row(2)).not.toBeNull()
  })

  it('removes every completed case with Remove completed, undoable as one', async () => {
    const { click, button, fake, views, row } = await setup([
      { state: 'completed', completedAt: 5 },
      {},
      { state: 'completed', completedAt: 6 },
    ])
    expect(button('Remove completed (2)')).not.toBeNull()
    button('Remove completed (2)')!.focus()
    await click(button('Remove completed (2)')!)
    await vi.advanceTimersByTimeAsync(100)

    const removed = (fake.callsTo('unwatchCases')[0]![0] as { caseIds: string[] }).caseIds.sort()
    expect(removed).toEqual([views[0]!.caseId, views[2]!.caseId].sort())
    expect(row(1)).not.toBeNull()
    expect(button('Remove completed (2)')).toBeNull()
    expect(document.activeElement).not.toBe(document.body)
    expect(useNoticesStore().notices.map((notice) => notice.text)).toContain('Stopped watching 2 completed cases.')
  })
})

describe('CaseList: a removal under the pointer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    fakeViewport()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('keeps the removed row\'s place as "Stopped watching … · Undo" until the pointer leaves, so nothing slides under it', async () => {
    const { row, click, views, fake } = await setup(plain(4))
    const list = document.querySelector<HTMLElement>('.case-list .scroll')!
    const indexOf = (element: Element | null) => element?.closest('[data-index]')?.getAttribute('data-index')
    list.dispatchEvent(new PointerEvent('pointerenter'))
    await click(row(1)!.querySelector<HTMLElement>('.remove')!)
    await vi.advanceTimersByTimeAsync(100)

    expect(row(1)).toBeNull()
    const placeholder = document.querySelector<HTMLElement>('.removed-row')!
    expect(placeholder.textContent).toContain('Stopped watching Case 1')
    expect(indexOf(placeholder)).toBe('1')
    expect(indexOf(row(2))).toBe('2')

    await click([...placeholder.querySelectorAll('button')].find((one) => one.textContent?.trim() === 'Undo')!)
    expect(fake.callsTo('rewatchCases')).toHaveLength(1)
    expect(document.querySelector('.removed-row')).toBeNull()
    expect(row(1)).not.toBeNull()

    await click(row(1)!.querySelector<HTMLElement>('.remove')!)
    expect(document.querySelector('.removed-row')).not.toBeNull()
    list.dispatchEvent(new PointerEvent('pointerleave'))
    await flushPromises()
    expect(document.querySelector('.removed-row')).toBeNull()
    expect(indexOf(row(2))).toBe('1')
    void views
  })

  it('lets the rows close up after a few seconds even if the pointer stays', async () => {
    const { row, click } = await setup(plain(3))
    document.querySelector('.case-list .scroll')!.dispatchEvent(new PointerEvent('pointerenter'))
    await click(row(0)!.querySelector<HTMLElement>('.remove')!)
    expect(document.querySelector('.removed-row')).not.toBeNull()
    await vi.advanceTimersByTimeAsync(8_000)
    expect(document.querySelector('.removed-row')).toBeNull()
  })

  it('closes up at once when the pointer is elsewhere (a keyboard removal)', async () => {
    const { row, click } = await setup(plain(3))
    await click(row(0)!.querySelector<HTMLElement>('.remove')!)
    expect(document.querySelector('.removed-row')).toBeNull()
  })
})
