import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../harness/desktop-fixture'
import { connectThroughSettings, startHost, watchCase } from '../harness/desktop-steps'

test('with no key the window opens on the simulator with demo cases', async ({ desktop }) => {
  const app = await desktop.launch()
  const window = await app.mainWindow()
  const page = await window.loadedPage()
  await expect(page.getByText('You are looking at demo data.')).toBeVisible()
  await expect(page.locator('[data-case-id]')).toHaveCount(8)
  await app.until('the window to show', () => window.isVisible)
  expect(window.options).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
})

test('closing hides the window and keeps watching; the tray brings it back', async ({ desktop }) => {
  const app = await desktop.launch()
  const window = await app.mainWindow()
  await app.until('the window to show', () => window.isVisible)
  window.close()
  await app.until('the window to hide', () => !window.isVisible)
  expect(window.isDestroyed).toBe(false)
  expect(app.exitCode).toBeUndefined()
  // Still watching: progress from the demo cases keeps reaching the (hidden) window.
  const before = app.of('webcontents-send').length
  await app.until('progress while hidden', () => app.of('webcontents-send').length > before + 3, 20_000)
  expect(await app.clickTray('Show Case Monitor')).toBe(true)
  await app.until('the window to come back', () => window.isVisible && window.isFocused)
})

test('Quit from the tray flushes the watch list and exits 0; the next launch has it', async ({ desktop }) => {
  const host = await startHost()
  try {
    const { caseId } = host.control.createCase({ label: 'Quit flush claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    const first = await desktop.launch()
    const page = await (await first.mainWindow()).loadedPage()
    await connectThroughSettings(page, host.baseUrl)
    await watchCase(page, caseId)
    expect(await first.clickTray('Quit')).toBe(true)
    expect(await first.waitForExit()).toBe(0)
    const profiles = join(desktop.home, '.config/Case Monitor/profiles')
    const profile = existsSync(profiles)
      ? readFileSync(join(profiles, new URL(host.baseUrl).host.replace(/[^a-z0-9.-]/gi, '_'), 'watch-list.json'), 'utf8')
      : ''
    expect(profile).toContain(caseId)

    const second = await desktop.launch()
    const again = await (await second.mainWindow()).loadedPage()
    await expect(again.locator(`[data-case-id="${caseId}"]`)).toContainText('Quit flush claim')
  } finally {
    await host.close()
  }
})

test('a second launch focuses the first and exits', async ({ desktop }) => {
  const first = await desktop.launch()
  const window = await first.mainWindow()
  window.close()
  await first.until('the window to hide', () => !window.isVisible)
  const second = await desktop.launch()
  expect(await second.waitForExit()).toBe(0)
  expect(second.of('window-created')).toHaveLength(0)
  await first.until('the first window to come forward', () => window.isVisible && window.isFocused)
})

test('a second launch during start-up is not lost', async ({ desktop }) => {
  const first = await desktop.launch({ readyDelayMs: 1_500 })
  await first.until('the lock to be taken', () => existsSync(join(desktop.home, '.config/Case Monitor/SingletonLock')))
  const second = await desktop.launch()
  expect(await second.waitForExit()).toBe(0)
  expect(second.of('second-instance-sent')).toHaveLength(1)
  await first.until('the hand-over to arrive', () => first.appEvents().some((name) => name.startsWith('second-instance:')))
  expect(first.appEvents()).toContain('second-instance:heard')
  const window = await first.mainWindow()
  await first.until('the window to show', () => window.isVisible && window.isFocused)
})

test('a hidden window gives its on-screen cases’ stream slots back, and takes them again when shown', async ({ desktop }) => {
  const host = await startHost({ analysisMs: 120_000 })
  try {
    const analysing = Array.from({ length: 10 }, (_, n) =>
      host.control.createCase({ label: `Analysing ${n}`, fileLabels: ['a.pdf'], fileDurationsMs: [120_000] }),
    )
    const waiting = Array.from({ length: 3 }, (_, n) =>
      host.control.createCase({ label: `Waiting ${n}`, fileLabels: ['a.pdf'], upload: false }),
    )
    const app = await desktop.launch()
    const window = await app.mainWindow()
    const page = await window.loadedPage()
    await connectThroughSettings(page, host.baseUrl)
    await page.getByLabel('Case IDs or dashboard links to watch').fill([...analysing, ...waiting].map((item) => item.caseId).join('\n'))
    await page.keyboard.press('Enter')
    await expect(page.locator('[data-case-id]')).toHaveCount(13)
    // Only the waiting cases on screen: they take stream slots ahead of the cases in analysis.
    await page.getByPlaceholder('Search label or ID').fill('Waiting')
    const waitingRows = page.locator('[data-case-id]')
    await expect(waitingRows).toHaveCount(3)
    await expect(waitingRows.getByText('Live', { exact: true })).toHaveCount(3, { timeout: 15_000 })

    window.close()
    await app.until('the window to hide', () => !window.isVisible)
    await expect(waitingRows.getByText('Periodic updates', { exact: true })).toHaveCount(3, { timeout: 15_000 })

    expect(await app.clickTray('Show Case Monitor')).toBe(true)
    await expect(waitingRows.getByText('Live', { exact: true })).toHaveCount(3, { timeout: 15_000 })
  } finally {
    await host.close()
  }
})

test('the tray is redrawn when its counts change, not on every batch of progress', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await (await app.mainWindow()).loadedPage()
  await expect(page.locator('[data-case-id]')).toHaveCount(8)
  // Demo cases stream progress several times a second; the counts move far less often.
  const sendsBefore = app.of('webcontents-send').length
  await page.waitForTimeout(5_000)
  expect(app.of('webcontents-send').length - sendsBefore).toBeGreaterThan(10)
  const tooltips = app
    .of('tray')
    .filter((record) => record.call === 'setToolTip')
    .map((record) => record.tooltip)
  expect(tooltips.length).toBeGreaterThan(0)
  for (let index = 1; index < tooltips.length; index++) expect(tooltips[index]).not.toBe(tooltips[index - 1])
})
