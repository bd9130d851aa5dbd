import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useFleetingText } from './use-fleeting-text'

describe('useFleetingText', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('clears a confirmation by itself, keeps a message about work in progress, and restarts for a new one', () => {
    const scope = effectScope()
    const { text, show } = scope.run(() => useFleetingText(6_000))!
    show('Checking the key with Veridox…', { isLasting: true })
    vi.advanceTimersByTime(60_000)
    expect(text.value).toBe('Checking the key with Veridox…')

    show('Key saved.')
    vi.advanceTimersByTime(5_000)
    show('Region saved.')
    vi.advanceTimersByTime(5_000)
    expect(text.value).toBe('Region saved.')
    vi.advanceTimersByTime(1_100)
    expect(text.value).toBe('')
  })

  it('stops its timer with its component', () => {
    const scope = effectScope()
    const { text, show } = scope.run(() => useFleetingText(6_000))!
    show('Key saved.')
    scope.stop()
    vi.advanceTimersByTime(10_000)
    expect(text.value).toBe('Key saved.')
  })
})
