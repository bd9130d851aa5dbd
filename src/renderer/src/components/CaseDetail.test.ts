import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { CaseView } from '@shared/case-view'
import { caseSummaryText } from '@shared/case-summary'
import { createTestContext } from '../testing/mount-app'
import { makeCase, makeFile, makeSettings } from '../testing/fixtures'
import { getButton } from '../testing/get-button'
import { useSettingsStore } from '../stores/settings'
import CaseDetail from './CaseDetail.vue'

const at = (seconds: number) => Date.UTC(2026, 11, 7, 10, 0, seconds)
const clock = (epochMs: number) =>
  new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

function failedCase(): CaseView {
  return makeCase({
    label: 'Mortgage 4471',
    state: 'completed',
    risk: 'high',
    completedAt: at(40),
    files: [
      makeFile({
        label: 'passport.jpg',
        status: 'success',
        progress: 100,
        stage: 'full_analysis',
        risk: 'high',
        timeline: {
          uploadedAt: at(1),
          stages: [
            { stage: 'metadata_analysis', at: at(2) },
            { stage: 'ela', at: at(9) },
          ],
          settledAt: at(30),
        },
      }),
      makeFile({
        label: 'scan.pdf',
        status: 'failed',
        progress: 100,
        stage: 'full_analysis',
        failureReason: 'The file could not be opened: it is password-protected or encrypted.',
        timeline: { uploadedAt: at(1), stages: [{ stage: 'metadata_analysis', at: at(3) }], settledAt: null },
      }),
    ],
  })
}

function mountDetail(view: CaseView, settings = makeSettings()) {
  const context = createTestContext()
  useSettingsStore().apply(settings)
  return mount(CaseDetail, { props: { caseView: view }, global: context.global, attachTo: document.body })
}

describe('CaseDetail', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows each file with its outcome, risk, failure reason and timeline of times', () => {
    const wrapper = mountDetail(failedCase())
    const files = wrapper.findAll('[role="listitem"]')
    expect(files).toHaveLength(2)
    const [passport, scan] = files.map((file) => file.text())
    expect(passport).toContain('passport.jpg')
    expect(passport).toContain('Succeeded')
    expect(passport).toContain('High')
    const steps = wrapper.findAll('[aria-label="Timeline of passport.jpg"] .step').map((step) => step.text().replace(/\s+/g, ' '))
    expect(steps).toEqual([`Uploaded ${clock(at(1))}`, 'Metadata +1 s', 'Error level analysis +8 s', `Succeeded ${clock(at(30))}`])
    expect(scan).toContain('Failed')
    expect(scan).toContain('The file could not be opened: it is password-protected or encrypted.')
    expect(scan).toContain('time not known')
    expect(wrapper.get('[aria-label="Files of Mortgage 4471"]').attributes('role')).toBe('list')
  })

  it('says so when a file has no times yet', () => {
    const wrapper = mountDetail(makeCase({ files: [makeFile({ status: 'waiting', stage: null })] }))
    expect(wrapper.get('[role="listitem"]').text()).toContain('No times yet')
  })

  it('copies a plain-text summary for a ticket and says it did', async () => {
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const view = failedCase()
    const settings = makeSettings({ mode: 'veridox', activeBaseUrl: 'https://api.uk.veridox.ai' })
    const wrapper = mountDetail(view, settings)

    await getButton(wrapper, 'Copy summary').trigger('click')
    await flushPromises()

    const link = `https://uk.veridox.ai/cases/${view.caseId}`
    expect(writeText).toHaveBeenCalledExactlyOnceWith(caseSummaryText(view, { state: 'Needs review', link }))
    expect(wrapper.get('[role="status"]').text()).toBe('Summary copied')
  })

  it('says when the summary could not be copied', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => Promise.reject(new Error('denied')) } })
    const wrapper = mountDetail(failedCase())
    await getButton(wrapper, 'Copy summary').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Could not copy')
  })

  it('opens the case on the region’s dashboard in the browser', () => {
    const view = failedCase()
    const wrapper = mountDetail(view, makeSettings({ mode: 'veridox', activeBaseUrl: 'https://api.ca.neo.veridox.ai' }))
    const link = wrapper.get('a')
    expect(link.text()).toContain('Open in Veridox')
    expect(link.attributes()).toMatchObject({
      href: `https://ca.neo.veridox.ai/cases/${view.caseId}`,
      target: '_blank',
      rel: 'noopener noreferrer',
    })
  })

  it('offers no dashboard link for demo data or a custom address, and says why', () => {
    const demo = mountDetail(failedCase())
    expect(demo.find('a').exists()).toBe(false)
    expect(demo.text()).toContain('Demo data: there is no Veridox page for this case.')
    const custom = mountDetail(failedCase(), makeSettings({ mode: 'veridox', activeBaseUrl: 'https://veridox.internal.example/api' }))
    expect(custom.find('a').exists()).toBe(false)
    expect(custom.text()).toContain('No Veridox dashboard is known for this address.')
  })
})
