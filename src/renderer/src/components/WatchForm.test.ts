import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { AppError } from '@shared/errors'
import { createTestContext } from '../testing/mount-app'
import { caseIdFor, makeCase } from '../testing/fixtures'
import type { FakeHandlers } from '../testing/fake-bridge'
import { getButton } from '../testing/get-button'
import { useCasesStore } from '../stores/cases'
import WatchForm from './WatchForm.vue'

function mountForm(handlers: FakeHandlers = {}) {
  const context = createTestContext({
    watchCases: ({ caseIds }) => caseIds.map((caseId) => makeCase({ caseId })),
    ...handlers,
  })
  // Attached, because a submit button submits only a form in the document.
  const wrapper = mount(WatchForm, { global: context.global, attachTo: document.body })
  return { ...context, wrapper, field: wrapper.get('textarea') }
}

/** Presses a key in the field; returns whether the form kept the key from typing (a submit, not a new line). */
function pressKey(field: { element: HTMLTextAreaElement }, init: KeyboardEventInit): boolean {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })
  field.element.dispatchEvent(event)
  return event.defaultPrevented
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('WatchForm', () => {
  it('explains an invalid entry inline and keeps the text for correction', async () => {
    const { wrapper, field, fake } = mountForm()
    await field.setValue('not-a-case')
    await getButton(wrapper, 'Watch').trigger('click')

    expect(wrapper.get('#watch-message').text()).toContain('That is not a case ID')
    expect(wrapper.get('#watch-message').attributes('aria-live')).toBe('polite')
    expect(field.attributes('aria-invalid')).toBe('true')
    expect((field.element as HTMLTextAreaElement).value).toBe('not-a-case')
    expect(fake.calls).toEqual([])
  })

  it('says why a UUID that is not version 7 is refused', async () => {
    const { wrapper, field } = mountForm()
    await field.setValue('3f2504e0-4f89-11d3-9a0c-0305e82c3301')
    await getButton(wrapper, 'Watch').trigger('click')
    expect(wrapper.get('#watch-message').text()).toContain('version 7')
  })

  it('watches several IDs and pasted links at once, then clears the field', async () => {
    const { wrapper, field, fake } = mountForm()
    const a = caseIdFor(0xa1)
    const b = caseIdFor(0xb2)
    await field.setValue(`${a},\nhttps://app.veridox.ai/cases/${b.toUpperCase()}`)
    expect(pressKey(field, { key: 'Enter' })).toBe(true)
    await flushPromises()

    expect(fake.callsTo('watchCases')).toEqual([[{ caseIds: [a, b] }]])
    expect((field.element as HTMLTextAreaElement).value).toBe('')
    expect(wrapper.get('#watch-message').text()).toBe('Watching 2 cases.')
  })

  it('shows a refused command in words and keeps the text', async () => {
    const { wrapper, field } = mountForm({
      watchCases: () => {
        throw new AppError('network_unreachable', 'getaddrinfo ENOTFOUND api.uk.veridox.ai')
      },
    })
    await field.setValue(caseIdFor(0xc3))
    await getButton(wrapper, 'Watch').trigger('click')
    await flushPromises()

    expect(wrapper.get('#watch-message').text()).toBe('Veridox cannot be reached. Check your network connection.')
    expect((field.element as HTMLTextAreaElement).value).toBe(caseIdFor(0xc3))
  })

  it('lets Shift+Enter add a line instead of submitting', async () => {
    const { field, fake } = mountForm()
    await field.setValue(caseIdFor(0xd4))
    expect(pressKey(field, { key: 'Enter', shiftKey: true })).toBe(false)
    await flushPromises()
    expect(fake.calls).toEqual([])
  })

  it('clears its confirmation by itself, and keeps an error until the text changes', async () => {
    vi.useFakeTimers()
    try {
      const { wrapper, field } = mountForm()
      await field.setValue(caseIdFor(1))
      await getButton(wrapper, 'Watch').trigger('click')
      await flushPromises()
      expect(wrapper.get('#watch-message .message').text()).toBe('Watching 1 case.')
      vi.advanceTimersByTime(6_100)
      await flushPromises()
      expect(wrapper.get('#watch-message').text()).toBe('')

      await field.setValue('not-a-case')
      await getButton(wrapper, 'Watch').trigger('click')
      vi.advanceTimersByTime(60_000)
      await flushPromises()
      expect(wrapper.get('#watch-message').text()).toContain('That is not a case ID')
    } finally {
      vi.useRealTimers()
    }
  })

  it('says what it watched and names each token it ignored, and which were already watched', async () => {
    const { wrapper, field, fake } = mountForm()
    const watched = caseIdFor(0xe1)
    useCasesStore().upsert([makeCase({ caseId: watched, label: 'Claim Hart' })])
    const fresh = [caseIdFor(0xe2), caseIdFor(0xe3)]
    await field.setValue(`${fresh.join(' ')} CLM-2026-00991 ${watched} 3f2504e0-4f89-11d3-9a0c-0305e82c3301`)
    await getButton(wrapper, 'Watch').trigger('click')
    await flushPromises()

    expect(fake.callsTo('watchCases')).toEqual([[{ caseIds: [...fresh, watched] }]])
    expect(wrapper.get('#watch-message .message').text()).toBe('Watching 2 cases.')
    expect(wrapper.findAll('.report li').map((item) => item.text())).toEqual([
      'Claim Hart is already watched.',
      'CLM-2026-00991 is not a case ID.',
      '3f2504e0-4f89-11d3-9a0c-0305e82c3301 is a UUID but not a case ID (not version 7).',
    ])
  })

  it('sums up a huge paste instead of listing every ignored token', async () => {
    const { wrapper, field } = mountForm()
    const junk = Array.from({ length: 300 }, (_, i) => `ROW-${i}`).join('\n')
    await field.setValue(`${caseIdFor(0xf1)}\n${junk}`)
    await getButton(wrapper, 'Watch').trigger('click')
    await flushPromises()

    const lines = wrapper.findAll('.report li').map((item) => item.text())
    expect(lines).toHaveLength(5)
    expect(lines.at(-1)).toBe('…and 296 more that are not case IDs.')
  })
})
