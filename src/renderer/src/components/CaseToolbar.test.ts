import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createTestContext } from '../testing/mount-app'
import { makeCase } from '../testing/fixtures'
import { getButton, hasButton } from '../testing/get-button'
import { useCaseListStore } from '../stores/case-list'
import { longestHoldMs, useCasesStore } from '../stores/cases'
import { useSessionStore } from '../stores/session'
import CaseToolbar from './CaseToolbar.vue'

describe('CaseToolbar', () => {
  it('shows the cases of a clicked summary as a chip that removes the filter', async () => {
    const context = createTestContext()
    const views = [makeCase({ state: 'completed' }), makeCase({ state: 'completed' }), makeCase({ state: 'live' })]
    useCasesStore().applySnapshot(views)
    const list = useCaseListStore()
    const wrapper = mount(CaseToolbar, { global: context.global })
    expect(hasButton(wrapper, /while you were away/)).toBe(false)
    list.showGroup({ label: 'Finished while you were away', caseIds: [views[0]!.caseId, views[1]!.caseId] })
    await wrapper.vm.$nextTick()
    const chip = getButton(wrapper, /^Finished while you were away \(2\)/)
    expect(chip.text()).toBe('Finished while you were away (2)')
    expect(chip.attributes('title')).toBe('Show all cases again')
    await chip.trigger('click')
    expect(list.group).toBeNull()
    expect(hasButton(wrapper, /while you were away/)).toBe(false)
  })

  describe('typing in search', () => {
    afterEach(() => vi.useRealTimers())

    it("holds main's progress updates until the typing pauses, so each keystroke renders alone", async () => {
      vi.useFakeTimers()
      const view = makeCase({ progress: 10, updatedAt: 1 })
      const context = createTestContext()
      await useSessionStore().start()
      context.fake.emit('casesChanged', [view])
      const wrapper = mount(CaseToolbar, { global: context.global })
      const cases = useCasesStore()
      expect(cases.get(view.caseId)?.progress).toBe(10)

      await wrapper.get('#case-search').setValue('mortg')
      context.fake.emit('casesChanged', [{ ...view, progress: 40, updatedAt: 2 }])
      expect(cases.get(view.caseId)?.progress).toBe(10)

      vi.advanceTimersByTime(longestHoldMs)
      expect(cases.get(view.caseId)?.progress).toBe(40)
    })
  })
})
