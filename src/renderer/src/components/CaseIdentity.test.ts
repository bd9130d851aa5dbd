import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { maxLocalLabelLength } from '@shared/local-label'
import { caseIdFor } from '../testing/fixtures'
import { getButton } from '../testing/get-button'
import CaseIdentity from './CaseIdentity.vue'

const caseId = caseIdFor(0x42)

function mountIdentity(localLabel: string | null, label: string | null = 'CLM-2026-00142') {
  return mount(CaseIdentity, { props: { caseId, label, localLabel, isStale: false }, attachTo: document.body })
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe("CaseIdentity: the analyst's own label", () => {
  it("shows the analyst's label as the name, with Veridox's label still visible beside the ID", () => {
    const wrapper = mountIdentity('Hart, second look')
    expect(wrapper.get('.name').text()).toBe('Hart, second look')
    expect(wrapper.get('.veridox-label').text()).toBe('CLM-2026-00142')
    expect(mountIdentity(null).find('.veridox-label').exists()).toBe(false)
  })

  it('renames inline: Enter saves the text, capped in length, and focus returns to the rename button', async () => {
    const wrapper = mountIdentity(null)
    await getButton(wrapper, /^Rename/).trigger('click')
    const input = wrapper.get('input')
    expect(document.activeElement).toBe(input.element)
    expect(input.attributes('maxlength')).toBe(String(maxLocalLabelLength))
    expect((input.element as HTMLInputElement).value).toBe('CLM-2026-00142')
    await input.setValue('Hart, second look')
    await input.trigger('keydown', { key: 'Enter' })

    expect(wrapper.emitted('rename')).toEqual([['Hart, second look']])
    expect(wrapper.find('input').exists()).toBe(false)
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Rename/)
  })

  it('Escape cancels without saving', async () => {
    const wrapper = mountIdentity('Hart')
    await getButton(wrapper, /^Rename/).trigger('click')
    await wrapper.get('input').setValue('Something else')
    await wrapper.get('input').trigger('keydown', { key: 'Escape' })

    expect(wrapper.emitted('rename')).toBeUndefined()
    expect(wrapper.get('.name').text()).toBe('Hart')
  })
})
