import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { RecentCase } from '@shared/recent-cases'
import { createTestContext } from '../testing/mount-app'
import { caseIdFor, makeCase } from '../testing/fixtures'
import type { FakeHandlers } from '../testing/fake-bridge'
import { getButton } from '../testing/get-button'
import RecentCasesPicker from './RecentCasesPicker.vue'

const recent = (n: number, extra: Partial<RecentCase> = {}): RecentCase => ({
  caseId: caseIdFor(0x500 + n),
  label: `Claim ${n}`,
  createdAt: Date.now() - n * 60_000,
  isWatched: false,
  ...extra,
})
const pageOf = (from: number, count: number) => Array.from({ length: count }, (_, i) => recent(from + i))

function mountPicker(handlers: FakeHandlers) {
  // happy-dom has no modal dialogs: showModal opens it in place.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true
  }
  const context = createTestContext({ watchCases: ({ caseIds }) => caseIds.map((caseId) => makeCase({ caseId })), ...handlers })
  const wrapper = mount(RecentCasesPicker, { props: { open: true }, global: context.global, attachTo: document.body })
  return { ...context, wrapper }
}

const labels = (wrapper: ReturnType<typeof mountPicker>['wrapper']) => wrapper.findAll('.recent-label').map((item) => item.text())

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('RecentCasesPicker', () => {
  it('lists the newest cases with label, created time and whether already watched; Load more fetches the next page', async () => {
    const { wrapper, fake } = mountPicker({
      listRecentCases: ({ offset }) =>
        offset === 0
          ? { state: 'page', offset, hasMore: true, cases: [recent(1, { isWatched: true }), ...pageOf(2, 99)] }
          : { state: 'page', offset, hasMore: false, cases: pageOf(101, 3) },
    })
    await flushPromises()
    expect(fake.callsTo('listRecentCases')).toEqual([[{ offset: 0 }]])
    expect(labels(wrapper)).toHaveLength(100)
    const first = wrapper.findAll('.recent-case')[0]!
    expect(first.text()).toContain('Claim 1')
    expect(first.text()).toContain('1 min ago')
    expect(first.text()).toContain('Watching')
    expect(first.get('input[type="checkbox"]').attributes('disabled')).toBeDefined()

    await getButton(wrapper, 'Load more').trigger('click')
    await flushPromises()
    expect(fake.callsTo('listRecentCases')).toEqual([[{ offset: 0 }], [{ offset: 100 }]])
    expect(labels(wrapper).at(-1)).toBe('Claim 103')
    expect(wrapper.text()).not.toContain('Load more')
  })

  it('searches the fetched cases by label or ID, ignoring case', async () => {
    const { wrapper } = mountPicker({
      listRecentCases: ({ offset }) => ({
        state: 'page',
        offset,
        hasMore: true,
        cases: [recent(1, { label: 'Hart mortgage' }), ...pageOf(2, 5)],
      }),
    })
    await flushPromises()
    await wrapper.get('input[type="search"]').setValue('HART')
    expect(labels(wrapper)).toEqual(['Hart mortgage'])
    expect(getButton(wrapper, /Load more/).text()).toBe('Load more to search further')
  })

  it('watches the chosen cases in one command and says so', async () => {
    const { wrapper, fake } = mountPicker({
      listRecentCases: ({ offset }) => ({ state: 'page', offset, hasMore: false, cases: pageOf(1, 4) }),
    })
    await flushPromises()
    const boxes = wrapper.findAll('.recent-case input[type="checkbox"]')
    await boxes[0]!.setValue(true)
    await boxes[2]!.setValue(true)
    await getButton(wrapper, 'Watch 2 cases').trigger('click')
    await flushPromises()
    expect(fake.callsTo('watchCases')).toEqual([[{ caseIds: [recent(1).caseId, recent(3).caseId] }]])
    expect(wrapper.emitted('watched')).toEqual([[2]])
  })

  it('says when to try again when the list budget is spent', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000)
    const { wrapper } = mountPicker({ listRecentCases: () => ({ state: 'limited', retryAt: 1_040_000 }) })
    await flushPromises()
    expect(wrapper.get('.picker-status').text()).toBe(
      'Veridox allows only so many case listings a minute, and Case Monitor needs some for the cases it follows. Try again in 40 s.',
    )
    expect(getButton(wrapper, 'Try again').exists()).toBe(true)
  })
})
