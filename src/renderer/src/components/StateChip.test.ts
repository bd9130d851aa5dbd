import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { makeFile } from '../testing/fixtures'
import StateChip from './StateChip.vue'

const following = { problem: null, risk: null, hasFileList: true, files: [makeFile({ status: 'processing' as const })] }

describe('StateChip', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(Date.UTC(2025, 0, 10, 12, 0, 0))
  })
  afterEach(() => vi.useRealTimers())

  it('counts down the reconnection with the clock', async () => {
    const wrapper = mount(StateChip, {
      props: { view: { state: 'reconnecting', followedBy: 'stream', nextAttemptAt: Date.now() + 12_000, completedAt: null, ...following } },
    })
    expect(wrapper.text()).toBe('Reconnecting in 12 s')

    await vi.advanceTimersByTimeAsync(3_000)
    expect(wrapper.text()).toBe('Reconnecting in 9 s')
    wrapper.unmount()
  })

  it('uses a danger tone and words, not colour alone, for a rejected key', () => {
    const wrapper = mount(StateChip, {
      props: { view: { state: 'unauthorized', followedBy: null, nextAttemptAt: null, completedAt: null, ...following } },
    })
    expect(wrapper.text()).toBe('Key rejected')
    expect(wrapper.classes()).toContain('tone-danger')
    expect(wrapper.attributes('title')).toContain('rejected')
  })
})
