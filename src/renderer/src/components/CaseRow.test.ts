import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { watchStates, type CaseView, type WatchState } from '@shared/case-view'
import type { ConnectionView } from '@shared/connection-view'
import { makeCase, makeConnection, makeFile } from '../testing/fixtures'
import { getButton, hasButton } from '../testing/get-button'
import { createTestContext } from '../testing/mount-app'
import { useConnectionStore } from '../stores/connection'
import CaseRow from './CaseRow.vue'

function mountRow(overrides: Partial<CaseView> = {}, isExpanded = false, connection: ConnectionView = makeConnection()) {
  const caseView = makeCase(overrides)
  const { global } = createTestContext()
  useConnectionStore().apply(connection)
  return { caseView, wrapper: mount(CaseRow, { props: { caseView, isExpanded }, global }) }
}

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
    expect(getButton(wrapper, /^Copy case ID/).attributes('aria-label')).toBe(`Copy case ID ${caseView.caseId}`)
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

  it('leaves a rejected key to the banner above the list and the header', () => {
    const { wrapper } = mountRow(
      { state: 'unauthorized', problem: { code: 'key_rejected', message: 'x' } },
      false,
      makeConnection({ state: 'key_rejected' }),
    )
    expect(wrapper.text()).not.toContain('Key rejected')
    expect(wrapper.find('.problem').exists()).toBe(false)
  })

  it('leaves offline to the header: no Offline chip or network problem on the row, only when it was last updated', () => {
    const offline = makeConnection({ state: 'offline', since: Date.now() - 60_000 })
    const { wrapper } = mountRow(
      {
        state: 'offline',
        followedBy: null,
        confirmedAt: Date.now() - 2 * 60_000,
        problem: { code: 'network_unreachable', message: 'x' },
      },
      false,
      offline,
    )
    expect(wrapper.text()).not.toContain('Offline')
    expect(wrapper.find('.problem').exists()).toBe(false)
    expect(wrapper.get('.freshness').text()).toBe('Updated 2 min ago')
  })

  it('keeps its own news beside an account-wide condition: a case behind 503s reconnects on its own', () => {
    const { wrapper } = mountRow(
      { state: 'reconnecting', nextAttemptAt: null, problem: { code: 'server_error', message: 'x' } },
      false,
      makeConnection({ state: 'rate_limited', until: Date.now() + 30_000 }),
    )
    expect(wrapper.text()).toContain('Reconnecting')
    expect(wrapper.get('.problem').text()).toContain('Veridox had a problem on its side')
    expect(wrapper.find('.freshness').exists()).toBe(false)
  })

  it('says a polled case was updated a while ago, next to its own state', () => {
    const { wrapper } = mountRow({ state: 'polling', followedBy: 'poll', confirmedAt: Date.now() - 10_000 })
    expect(wrapper.get('.freshness').text()).toBe('updated just now')
  })

  it('marks restored data as last known', () => {
    expect(mountRow({ isStale: true }).wrapper.text()).toContain('last known — refreshing')
    expect(mountRow({ isStale: false }).wrapper.text()).not.toContain('last known')
  })

  it('offers retry only for cases that need attention', async () => {
    const needingAttention: WatchState[] = ['failed', 'not_found', 'unauthorized']
    for (const state of watchStates.filter((state) => !needingAttention.includes(state))) {
      expect(hasButton(mountRow({ label: 'Lease', state }).wrapper, 'Retry Lease'), state).toBe(false)
    }
    for (const state of needingAttention) {
      const { wrapper } = mountRow({ label: 'Lease', state })
      await getButton(wrapper, 'Retry Lease').trigger('click')
      expect(wrapper.emitted('retry'), state).toEqual([[]])
    }
  })

  it('asks to pin, expand and stop watching, one event per click', async () => {
    const { wrapper } = mountRow({ label: 'Lease', isPinned: false })
    const pin = getButton(wrapper, 'Pin Lease to the top')
    expect(pin.attributes('aria-pressed')).toBe('false')
    await pin.trigger('click')
    expect(wrapper.emitted('pin')).toEqual([[true]])
    await getButton(wrapper, 'Show files of Lease').trigger('click')
    expect(wrapper.emitted('toggle')).toEqual([[]])
    await getButton(wrapper, 'Stop watching Lease').trigger('click')
    expect(wrapper.emitted('remove')).toEqual([[]])
    expect(wrapper.emitted('retry')).toBeUndefined()
  })

  it('asks to unpin a pinned case', async () => {
    const { wrapper } = mountRow({ label: 'Lease', isPinned: true })
    const pin = getButton(wrapper, 'Pin Lease to the top')
    expect(pin.attributes('aria-pressed')).toBe('true')
    await pin.trigger('click')
    expect(wrapper.emitted('pin')).toEqual([[false]])
  })

  it('expands from the case name too, and says whether the files are shown', async () => {
    const collapsed = mountRow({ label: 'Lease' }, false).wrapper
    expect(getButton(collapsed, 'Show files of Lease').attributes('aria-expanded')).toBe('false')
    await getButton(collapsed, 'Lease').trigger('click')
    expect(collapsed.emitted('toggle')).toEqual([[]])
    const expanded = mountRow({ label: 'Lease' }, true).wrapper
    expect(getButton(expanded, 'Hide files of Lease').attributes('aria-expanded')).toBe('true')
  })

  it('copies the full case ID and says so', async () => {
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    try {
      const { wrapper, caseView } = mountRow()
      expect(wrapper.find('[role="status"]').exists()).toBe(false)
      await getButton(wrapper, `Copy case ID ${caseView.caseId}`).trigger('click')
      await flushPromises()
      expect(writeText).toHaveBeenCalledExactlyOnceWith(caseView.caseId)
      expect(wrapper.get('[role="status"]').text()).toBe('Copied')
    } finally {
      vi.unstubAllGlobals()
    }
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

  it('mutes and unmutes a case, and marks a muted one', async () => {
    const { wrapper } = mountRow({ label: 'Claim 9' })
    expect(wrapper.find('.muted-mark').exists()).toBe(false)
    await getButton(wrapper, 'Mute notifications for Claim 9').trigger('click')
    expect(wrapper.emitted('mute')).toEqual([[true]])
    const muted = mountRow({ label: 'Claim 9', isMuted: true }).wrapper
    expect(muted.get('.muted-mark').text()).toBe('Muted')
    expect(getButton(muted, 'Mute notifications for Claim 9').attributes('aria-pressed')).toBe('true')
    await getButton(muted, 'Mute notifications for Claim 9').trigger('click')
    expect(muted.emitted('mute')).toEqual([[false]])
  })
})
