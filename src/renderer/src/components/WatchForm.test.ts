import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { AppError } from '@shared/errors'
import { createTestContext } from '../testing/mount-app'
import { caseIdFor, makeCase } from '../testing/fixtures'
import type { FakeHandlers } from '../testing/fake-bridge'
import WatchForm from './WatchForm.vue'

function mountForm(handlers: FakeHandlers = {}) {
  const context = createTestContext({
    watchCases: ({ caseIds }) => caseIds.map((caseId) => makeCase({ caseId })),
    ...handlers,
  })
  const wrapper = mount(WatchForm, { global: context.global })
  return { ...context, wrapper, field: wrapper.get('textarea') }
}

describe('WatchForm', () => {
  it('explains an invalid entry inline and keeps the text for correction', async () => {
    const { wrapper, field, fake } = mountForm()
    await field.setValue('not-a-case')
    await wrapper.get('form').trigger('submit')

    expect(wrapper.get('#watch-message').text()).toContain('That is not a case ID')
    expect(wrapper.get('#watch-message').attributes('aria-live')).toBe('polite')
    expect(field.attributes('aria-invalid')).toBe('true')
    expect((field.element as HTMLTextAreaElement).value).toBe('not-a-case')
    expect(fake.calls).toEqual([])
  })

  it('says why a UUID that is not version 7 is refused', async () => {
    const { wrapper, field } = mountForm()
    await field.setValue('3f2504e0-4f89-11d3-9a0c-0305e82c3301')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('#watch-message').text()).toContain('version 7')
  })

  it('watches several IDs and pasted links at once, then clears the field', async () => {
    const { wrapper, field, fake } = mountForm()
    const a = caseIdFor(0xa1)
    const b = caseIdFor(0xb2)
    await field.setValue(`${a},\nhttps://app.veridox.ai/cases/${b.toUpperCase()}`)
    await field.trigger('keydown', { key: 'Enter' })
    await flushPromises()

    expect(fake.callsTo('watchCases')).toEqual([[{ caseIds: [a, b] }]])
    expect((field.element as HTMLTextAreaElement).value).toBe('')
    expect(wrapper.get('#watch-message').text()).toBe('Now watching 2 cases.')
  })

  it('shows a refused command in words and keeps the text', async () => {
    const { wrapper, field } = mountForm({
      watchCases: () => {
        throw new AppError('network_unreachable', 'getaddrinfo ENOTFOUND api.uk.veridox.ai')
      },
    })
    await field.setValue(caseIdFor(0xc3))
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('#watch-message').text()).toBe('Veridox cannot be reached. Check your network connection.')
    expect((field.element as HTMLTextAreaElement).value).toBe(caseIdFor(0xc3))
  })

  it('lets Shift+Enter add a line instead of submitting', async () => {
    const { field, fake } = mountForm()
    await field.setValue(caseIdFor(0xd4))
    await field.trigger('keydown', { key: 'Enter', shiftKey: true })
    await flushPromises()
    expect(fake.calls).toEqual([])
  })
})
