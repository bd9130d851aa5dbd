import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { createTestContext } from '../testing/mount-app'
import { useNoticesStore } from '../stores/notices'
import NoticeArea from './NoticeArea.vue'

function mountArea() {
  const context = createTestContext()
  const wrapper = mount(NoticeArea, { global: context.global, attachTo: document.body })
  return { wrapper, notices: useNoticesStore() }
}

describe('NoticeArea', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })

  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it('clears a message about what went well by itself, and keeps an error until it is dismissed', async () => {
    const { wrapper, notices } = mountArea()
    notices.show('Watching Claim 7 again.')
    const errorId = notices.show('The case could not be pinned.', 'error')
    await nextTick()
    expect(wrapper.findAll('.notice')).toHaveLength(2)

    vi.advanceTimersByTime(6_100)
    await nextTick()
    expect(wrapper.text()).not.toContain('Watching Claim 7 again.')
    vi.advanceTimersByTime(60_000)
    await nextTick()
    expect(wrapper.text()).toContain('The case could not be pinned.')

    notices.dismiss(errorId)
    await nextTick()
    expect(wrapper.findAll('.notice')).toHaveLength(0)
  })

  it('holds a message while the pointer is on it or focus is in it, then gives it the rest of its time', async () => {
    const { wrapper, notices } = mountArea()
    notices.show('Stopped watching Claim 7.', 'info', { label: 'Undo', run: () => undefined }, 8_000)
    await nextTick()
    const notice = wrapper.get('.notice')

    vi.advanceTimersByTime(5_000)
    await notice.trigger('mouseenter')
    vi.advanceTimersByTime(30_000)
    await nextTick()
    expect(wrapper.text()).toContain('Stopped watching Claim 7.')

    await notice.trigger('mouseleave')
    vi.advanceTimersByTime(2_500)
    await nextTick()
    expect(wrapper.text()).toContain('Stopped watching Claim 7.')

    await notice.get('button').trigger('focusin')
    vi.advanceTimersByTime(30_000)
    await nextTick()
    expect(wrapper.text()).toContain('Stopped watching Claim 7.')

    await notice.get('button').trigger('focusout')
    vi.advanceTimersByTime(600)
    await nextTick()
    expect(wrapper.text()).not.toContain('Stopped watching Claim 7.')
  })
})
