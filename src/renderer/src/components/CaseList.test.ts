import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createTestContext } from '../testing/mount-app'
import { fakeViewport } from '../testing/fake-viewport'
import { makeCase, makeConnection, makeSettings } from '../testing/fixtures'
import { getButton } from '../testing/get-button'
import { REPORT_DELAY_MS } from '../composables/use-visible-case-report'
import { useNoticesStore } from '../stores/notices'
import { useSessionStore } from '../stores/session'
import { useCaseListStore } from '../stores/case-list'
import type { FakeHandlers } from '../testing/fake-bridge'
import { useCasesStore } from '../stores/cases'
import CaseList from './CaseList.vue'

async function setup(count: number, handlers: FakeHandlers = {}) {
  const views = Array.from({ length: count }, (_, i) => makeCase({ label: `Case ${i}`, addedAt: 10_000 - i }))
  const context = createTestContext({
    getSnapshot: () => ({ cases: views, settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() }),
    reportVisibleCases: () => undefined,
    unwatchCase: () => undefined,
    ...handlers,
  })
  await useSessionStore().start()
  const wrapper = mount(CaseList, { global: context.global, attachTo: document.body })
  await flushPromises()
  return { ...context, views, wrapper }
}

describe('CaseList', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    fakeViewport()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('renders only a window of a long list', async () => {
    const { wrapper } = await setup(500)
    await flushPromises()
    const rendered = wrapper.findAll('[data-case-id]').length
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(40)
  })

  it('reports the cases on screen after the list settles', async () => {
    const { fake, views } = await setup(200)
    await flushPromises()
    expect(fake.callsTo('reportVisibleCases')).toEqual([])

    await vi.advanceTimersByTimeAsync(REPORT_DELAY_MS)
    const [[{ caseIds }]] = fake.callsTo('reportVisibleCases') as [[{ caseIds: string[] }]]
    expect(caseIds[0]).toBe(views[0]?.caseId)
    expect(caseIds.length).toBeGreaterThan(5)
    expect(caseIds.length).toBeLessThan(20)
  })

  it("renames a case from its row: Enter saves the analyst's label through setCaseLocalLabel", async () => {
    const { wrapper, views, fake } = await setup(3, {
      setCaseLocalLabel: ({ caseId, label }) => ({ ...useCasesStore().get(caseId)!, localLabel: label, updatedAt: 99_999 }),
    })
    const row = wrapper.get(`[data-case-id="${views[1]!.caseId}"]`)
    await getButton(row, /^Rename/).trigger('click')
    await row.get('input.rename-field').setValue('Hart, second look')
    await row.get('input.rename-field').trigger('keydown', { key: 'Enter' })
    await flushPromises()

    expect(fake.callsTo('setCaseLocalLabel')).toEqual([[{ caseId: views[1]!.caseId, label: 'Hart, second look' }]])
    expect(wrapper.get(`[data-case-id="${views[1]!.caseId}"] .name`).text()).toBe('Hart, second look')
  })

  it('highlights and focuses a case from a clicked notification', async () => {
    const { wrapper, views, fake } = await setup(3)
    await flushPromises()
    fake.emit('caseFocused', views[1]!.caseId)
    await flushPromises()
    const row = wrapper.get(`[data-case-id="${views[1]!.caseId}"]`)
    expect(row.classes()).toContain('is-highlighted')
    expect(document.activeElement).toBe(row.element)
  })

  it('only highlights a case the analyst just added, leaving focus where it was', async () => {
    const { wrapper, views } = await setup(3)
    await flushPromises()
    useCaseListStore().requestFocus(views[2]!.caseId, { moveFocus: false })
    await flushPromises()
    const row = wrapper.get(`[data-case-id="${views[2]!.caseId}"]`)
    expect(row.classes()).toContain('is-highlighted')
    expect(document.activeElement).not.toBe(row.element)
  })

  it('stops watching a case and says so', async () => {
    const { wrapper, views, fake } = await setup(3)
    await flushPromises()
    const row = wrapper.get(`[data-case-id="${views[0]!.caseId}"]`)
    await getButton(row, `Stop watching ${views[0]!.label}`).trigger('click')
    await flushPromises()
    expect(fake.callsTo('unwatchCase')).toEqual([[{ caseId: views[0]!.caseId }]])
    expect(wrapper.find(`[data-case-id="${views[0]!.caseId}"]`).exists()).toBe(false)
    expect(wrapper.findAll('[data-case-id]').map((other) => other.attributes('data-case-id'))).toEqual(
      views.slice(1).map((view) => view.caseId),
    )
    expect(useNoticesStore().notices.map((notice) => notice.text)).toEqual(['Stopped watching Case 0.'])
  })
})
