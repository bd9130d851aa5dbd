import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { CaseView } from '@shared/case-view'
import { makeCase, makeFile } from '../testing/fixtures'
import CaseRow from './CaseRow.vue'

function mountRow(overrides: Partial<CaseView> = {}, isExpanded = false) {
  const caseView = makeCase(overrides)
  return { caseView, wrapper: mount(CaseRow, { props: { caseView, isExpanded } }) }
}

const button = (wrapper: ReturnType<typeof mountRow>['wrapper'], label: RegExp) =>
  wrapper.findAll('button').find((b) => label.test(b.attributes('aria-label') ?? ''))

describe('CaseRow', () => {
  it('shows the label, the short ID with the full one to copy, progress, files and risk', () => {
    const { wrapper, caseView } = mountRow({
      label: 'Mortgage application 4471',
      progress: 66.4,
      risk: 'high',
      files: [makeFile({ status: 'success' }), makeFile({ status: 'success' }), makeFile({ status: 'processing' })],
    })
    expect(wrapper.text()).toContain('Mortgage application 4471')
    expect(wrapper.text()).toContain(`…${caseView.caseId.slice(-8)}`)
    expect(button(wrapper, /Copy case ID/)?.attributes('aria-label')).toContain(caseView.caseId)
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('66')
    expect(wrapper.text()).toContain('66%')
    expect(wrapper.text()).toContain('3 files · 2 done')
    expect(wrapper.text()).toContain('High')
  })

  it('names a case without a label by its short ID, styled as untitled', () => {
    const { wrapper, caseView } = mountRow({ label: '   ' })
    expect(wrapper.get('.name').text()).toBe(`Case …${caseView.caseId.slice(-8)}`)
    expect(wrapper.get('.name').classes()).toContain('untitled')
  })

  it('shows a problem in words, never its raw message', () => {
    const { wrapper } = mountRow({
      state: 'failed',
      problem: { code: 'server_error', message: 'HTTP 502 from upstream 10.0.3.7:8443' },
    })
    expect(wrapper.get('.problem').text()).toBe('Veridox kept failing on its side, so the app stopped trying. Use Retry to try again.')
    expect(wrapper.text()).not.toContain('10.0.3.7')
  })

  it('says the app keeps trying while a case is still followed, and is calmer about it', () => {
    const { wrapper } = mountRow({ state: 'polling', followedBy: 'poll', problem: { code: 'proxy_interference', message: 'x' } })
    expect(wrapper.get('.problem').text()).toContain('checking periodically instead')
    expect(wrapper.get('.problem').classes()).not.toContain('is-blocking')
  })

  it('leaves a rejected key to the banner above the list', () => {
    const { wrapper } = mountRow({ state: 'unauthorized', problem: { code: 'key_rejected', message: 'x' } })
    expect(wrapper.text()).toContain('Key rejected')
    expect(wrapper.find('.problem').exists()).toBe(false)
  })

  it('marks restored data as last known', () => {
    expect(mountRow({ isStale: true }).wrapper.text()).toContain('last known — refreshing')
    expect(mountRow({ isStale: false }).wrapper.text()).not.toContain('last known')
  })

  it('offers retry only for cases that need attention', async () => {
    expect(button(mountRow({ state: 'live' }).wrapper, /^Retry/)).toBeUndefined()
    for (const state of ['failed', 'not_found', 'unauthorized'] as const) {
      const { wrapper } = mountRow({ state })
      await button(wrapper, /^Retry/)?.trigger('click')
      expect(wrapper.emitted('retry')).toHaveLength(1)
    }
  })

  it('asks to pin, unpin, expand and stop watching', async () => {
    const { wrapper } = mountRow({ label: 'Lease', isPinned: false })
    const pin = button(wrapper, /^Pin Lease/)
    expect(pin?.attributes('aria-pressed')).toBe('false')
    await pin?.trigger('click')
    await button(wrapper, /^Show files of Lease/)?.trigger('click')
    await button(wrapper, /^Stop watching Lease/)?.trigger('click')

    expect(wrapper.emitted('pin')).toEqual([[true]])
    expect(wrapper.emitted('toggle')).toHaveLength(1)
    expect(wrapper.emitted('remove')).toHaveLength(1)
  })

  it('lists each file with a human stage, status and risk when expanded', () => {
    const { wrapper } = mountRow(
      {
        files: [
          makeFile({ label: 'passport.jpg', stage: 'reverse_search', status: 'processing', progress: 40 }),
          makeFile({ label: 'payslip.pdf', stage: 'full_analysis', status: 'success', progress: 100, risk: 'medium' }),
          makeFile({ label: 'selfie.png', stage: null, status: 'waiting', progress: 0 }),
        ],
      },
      true,
    )
    const rows = wrapper.findAll('.file-row').map((row) => row.text())
    expect(rows[0]).toContain('passport.jpg')
    expect(rows[0]).toContain('Reverse image search')
    expect(rows[0]).toContain('Analysing')
    expect(rows[1]).toContain('Full analysis')
    expect(rows[1]).toContain('Succeeded')
    expect(rows[1]).toContain('Medium')
    expect(rows[2]).toContain('Waiting for upload')
  })
})
