import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createTestContext } from '../testing/mount-app'
import { makeCase, makeConnection, makeSettings } from '../testing/fixtures'
import App from '../App.vue'

let mounted: { unmount: () => void } | null = null

async function mountApp() {
  const context = createTestContext({
    getSnapshot: () => ({
      cases: [makeCase({ label: 'Case A' })],
      settings: makeSettings(),
      update: { state: 'off' },
      connection: makeConnection(),
    }),
    reportVisibleCases: () => undefined,
    unwatchCase: () => undefined,
  })
  const wrapper = mount(App, { global: context.global, attachTo: document.body })
  mounted = wrapper
  await flushPromises()
  return wrapper
}

function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }))
}

describe('window shortcuts', () => {
  // happy-dom does no layout: give the virtualised list a viewport so rows render.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(50)
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
  })
  afterEach(() => {
    mounted?.unmount()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('? lists the shortcuts in a labelled dialog; closing it returns focus', async () => {
    const wrapper = await mountApp()
    const row = document.querySelector<HTMLElement>('[data-case-id]')!
    row.focus()
    press('?', row)
    await flushPromises()
    const dialog = wrapper.get('dialog.shortcuts-panel')
    expect((dialog.element as HTMLDialogElement).open).toBe(true)
    const title = document.getElementById(dialog.attributes('aria-labelledby')!)
    expect(title?.textContent).toBe('Keyboard shortcuts')
    expect(dialog.text()).toContain('Stop watching (with undo)')
    expect(dialog.text()).toContain('Open settings')

    ;(dialog.element as HTMLDialogElement).close()
    dialog.element.dispatchEvent(new Event('close'))
    await flushPromises()
    expect((dialog.element as HTMLDialogElement).open).toBe(false)
    expect(document.activeElement).toBe(row)
  })

  it('/ focuses the search box, but is typed normally inside an input', async () => {
    const wrapper = await mountApp()
    const search = wrapper.get<HTMLInputElement>('#case-search').element
    const ids = wrapper.get<HTMLTextAreaElement>('textarea, input:not([type="search"])').element
    ids.focus()
    press('/', ids)
    press('?', ids)
    await flushPromises()
    expect(document.activeElement).toBe(ids)
    expect((wrapper.get('dialog.shortcuts-panel').element as HTMLDialogElement).open).toBe(false)

    press('/')
    await flushPromises()
    expect(document.activeElement).toBe(search)
  })

  it('Ctrl+, opens settings, even from an input', async () => {
    const wrapper = await mountApp()
    const search = wrapper.get<HTMLInputElement>('#case-search').element
    search.focus()
    press(',', search, { ctrlKey: true })
    await flushPromises()
    expect((wrapper.get('dialog.settings-panel').element as HTMLDialogElement).open).toBe(true)
  })

  it('removing the last case from the keyboard leaves focus on the watch box, not on the page', async () => {
    await mountApp()
    const row = document.querySelector<HTMLElement>('[data-case-id]')!
    row.focus()
    press('x', row)
    await flushPromises()
    expect(document.querySelector('[data-case-id]')).toBeNull()
    expect(document.activeElement?.id).toBe('watch-input')
  })
})
