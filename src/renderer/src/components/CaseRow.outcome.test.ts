import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { CaseView } from '@shared/case-view'
import { makeCase, makeFile } from '../testing/fixtures'
import { createTestContext } from '../testing/mount-app'
import CaseRow from './CaseRow.vue'

function rowText(overrides: Partial<CaseView>) {
  const { global } = createTestContext()
  const wrapper = mount(CaseRow, { props: { caseView: makeCase({ hasFileList: true, ...overrides }), isExpanded: false }, global })
  return { wrapper, chip: wrapper.get('.chip').text(), text: wrapper.text() }
}

const completedAt = Date.now() - 60_000

describe('a row says what the outcome means', () => {
  it('never shows a case with a failed file as a clean completion: it needs review and names the file', () => {
    const { chip, wrapper } = rowText({
      state: 'completed',
      completedAt,
      progress: 100,
      risk: 'low',
      files: [makeFile({ label: 'payslip.pdf', status: 'success', risk: 'low' }), makeFile({ label: 'invoice.pdf', status: 'failed' })],
    })
    expect(chip).toMatch(/^Needs review/)
    expect(wrapper.get('.chip').classes()).not.toContain('tone-success')
    expect(wrapper.get('.outcome').text()).toContain('invoice.pdf could not be analysed')
  })

  it('calls a clean low-risk completion done, and high risk a case to review', () => {
    expect(rowText({ state: 'completed', completedAt, risk: 'low', files: [makeFile({ status: 'success', risk: 'low' })] }).chip).toMatch(
      /^Done/,
    )
    expect(rowText({ state: 'completed', completedAt, risk: 'high', files: [makeFile({ status: 'success', risk: 'high' })] }).chip).toMatch(
      /^Needs review/,
    )
  })

  it('says a case waits for its uploads rather than "Live 0%"', () => {
    const { chip, text } = rowText({
      state: 'live',
      progress: 0,
      files: [makeFile({ status: 'waiting', progress: 0 }), makeFile({ status: 'waiting', progress: 0 })],
    })
    expect(chip).toBe('Waiting for upload')
    expect(text).not.toContain('0%')
    expect(text).toContain('2 files · none uploaded')
  })

  it('does not leave a case whose files are all done sitting in progress', () => {
    const { chip } = rowText({
      state: 'live',
      progress: 100,
      risk: 'informational',
      files: [makeFile({ status: 'success', risk: 'informational', progress: 100 })],
    })
    expect(chip).not.toBe('Live')
    expect(chip).toMatch(/^Done/)
  })

  it('never says "Checking files…" about a case that was not found', () => {
    const { text } = rowText({
      state: 'not_found',
      progress: null,
      files: [],
      hasFileList: false,
      problem: { code: 'case_not_found', message: 'x' },
    })
    expect(text).not.toContain('Checking files')
  })

  it('says a case deleted in Veridox was deleted, instead of blaming the ID', () => {
    const { chip, text } = rowText({ state: 'not_found', problem: { code: 'case_deleted', message: 'x' } })
    expect(chip).toBe('Deleted in Veridox')
    expect(text).toContain('deleted in Veridox')
    expect(text).not.toContain('Check the ID')
  })

  it('marks a completion the analyst has not opened yet as new', () => {
    expect(rowText({ state: 'completed', completedAt, risk: 'low', isUnseen: true }).wrapper.find('.new-mark').text()).toBe('New')
    expect(rowText({ state: 'completed', completedAt, risk: 'low', isUnseen: false }).wrapper.find('.new-mark').exists()).toBe(false)
  })
})
