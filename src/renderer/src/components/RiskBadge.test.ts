import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import RiskBadge from './RiskBadge.vue'

describe('RiskBadge', () => {
  it.each([
    ['high', 'High', 'risk-high'],
    ['medium', 'Medium', 'risk-medium'],
    ['low', 'Low', 'risk-low'],
    ['informational', 'Informational', 'risk-informational'],
  ] as const)('names %s risk in words', (risk, words, className) => {
    const wrapper = mount(RiskBadge, { props: { risk } })
    expect(wrapper.text()).toBe(`${words} risk`)
    expect(wrapper.classes()).toContain(className)
  })

  it('says when the risk is not known yet', () => {
    const wrapper = mount(RiskBadge, { props: { risk: null } })
    expect(wrapper.text()).toContain('Risk not known yet')
  })
})
