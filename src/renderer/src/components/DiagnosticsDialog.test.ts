import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { Diagnostics } from '@shared/diagnostics'
import { makeConnection } from '../testing/fixtures'
import { getButton } from '../testing/get-button'
import { createTestContext } from '../testing/mount-app'
import DiagnosticsDialog from './DiagnosticsDialog.vue'

const now = Date.now()
const diagnostics: Diagnostics = {
  takenAt: now,
  mode: 'veridox',
  host: 'api.uk.veridox.ai',
  connection: makeConnection({ state: 'rate_limited', until: now + 30_000 }),
  streams: { inUse: 3, limit: 10 },
  budgets: [
    { kind: 'list', used: 4, limit: 30, windowMs: 60_000 },
    { kind: 'get', used: 60, limit: 60, windowMs: 60_000 },
    { kind: 'poll', used: 10, limit: 600, windowMs: 3_600_000 },
  ],
  cases: [
    {
      caseId: '019bfb3c-1257-7455-af2e-0cd3cadab5c7',
      label: 'Claim A',
      state: 'reconnecting',
      transport: 'stream',
      lastEventId: '42',
      confirmedAt: now - 120_000,
      lastError: 'server_error',
      nextRetryAt: now + 5_000,
    },
  ],
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function openDialog() {
  const context = createTestContext({ getDiagnostics: () => diagnostics })
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true
  }
  const wrapper = mount(DiagnosticsDialog, { props: { open: true }, global: context.global, attachTo: document.body })
  await flushPromises()
  return { wrapper, context }
}

describe('DiagnosticsDialog', () => {
  it('shows the account and each case in words, never a raw error message', async () => {
    const { wrapper } = await openDialog()
    const text = wrapper.text()
    expect(text).toContain('3 of 10')
    expect(text).toMatch(/list\s*26 of 30 left · 4 in the last minute/)
    expect(text).toMatch(/get\s*0 of 60 left/)
    expect(text).toContain('Claim A')
    expect(text).toContain('Reconnecting · stream')
    expect(text).toContain('Veridox had a problem on its side')
    expect(text).toContain('2 min ago')
  })

  it('copies the same facts as text and says so', async () => {
    const writeText = vi.fn(async (_text: string) => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { wrapper } = await openDialog()
    await getButton(wrapper, 'Copy as text').trigger('click')
    await flushPromises()
    const copied = writeText.mock.calls[0]![0]
    expect(copied).toContain('Case Monitor diagnostics, ')
    expect(copied).toContain('019bfb3c-1257-7455-af2e-0cd3cadab5c7 "Claim A": reconnecting via stream; last event 42')
    expect(copied).toContain('server_error (Veridox had a problem on its side')
    expect(wrapper.get('.copy-status').text()).toBe('Copied')
  })
})
