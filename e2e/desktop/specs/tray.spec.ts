import type { MenuItemRecord } from '../stand-in/protocol'
import type { TrayRecord } from '../harness/desktop-app'
import { expect, test } from '../harness/desktop-fixture'
import { connectThroughSettings, startHost, watchCase } from '../harness/desktop-steps'

const labels = (tray: TrayRecord | null): string[] => (tray?.menu ?? []).map((item) => item.label)
const item = (tray: TrayRecord | null, label: string): MenuItemRecord | undefined => tray?.menu.find((entry) => entry.label === label)
const iconOf = (tray: TrayRecord | null): string => tray?.image.split(/[\\/]/).slice(-2).join('/') ?? ''

test('tray states and menu: analysing with counts, an unseen completion, opening a case, do-not-disturb, pause and resume', async ({
  desktop,
}) => {
  const host = await startHost()
  try {
    const first = host.control.createCase({ label: 'Tray claim alpha', fileLabels: ['a.pdf'], fileDurationsMs: [120_000] })
    const second = host.control.createCase({ label: 'Tray claim beta', fileLabels: ['b.pdf'], fileDurationsMs: [120_000] })
    const app = await desktop.launch()
    const window = await app.mainWindow()
    const page = await window.loadedPage()
    await connectThroughSettings(page, host.baseUrl)
    await watchCase(page, first.caseId)
    await watchCase(page, second.caseId)

    await app.until('the tray to show two cases in analysis', () => app.tray()?.tooltip.includes('2 analysing'), 15_000)
    // No tray title on Linux: the count is drawn into the glyph.
    expect(iconOf(app.tray())).toBe('tray/analysing-2.png')
    expect(labels(app.tray())).toEqual(
      expect.arrayContaining(['In analysis', expect.stringMatching(/^Tray claim alpha — (starting|\d+%)$/), 'Pause watching', 'Quit']),
    )

    // Away from the window, a completion is unseen: the tray needs attention and lists it as new.
    window.close()
    await app.until('the window to hide', () => !window.isVisible)
    host.control.completeCaseNow(first.caseId)
    await app.until('the tray to need attention', () => iconOf(app.tray()) === 'tray/attention.png', 15_000)
    expect(app.tray()!.tooltip).toMatch(/1 analysing, 1 completed, 1 new result/)
    const completion = labels(app.tray()).find((label) => label.startsWith('Tray claim alpha — ') && label.endsWith('new'))
    expect(labels(app.tray())).toContain('Latest completions')
    expect(completion).toBeDefined()

    // Clicking it brings that case forward; seen, the tray goes back to analysing.
    expect(await app.clickTray(completion!)).toBe(true)
    await app.until('the window to come forward', () => window.isVisible && window.isFocused)
    await expect(page.locator(`[data-case-id="${first.caseId}"]`)).toBeFocused()
    await app.until('the attention to clear', () => iconOf(app.tray()) === 'tray/analysing-1.png')

    expect(await app.clickTray('Do not disturb')).toBe(true)
    await app.until('the do-not-disturb glyph', () => iconOf(app.tray()) === 'tray/dnd.png')
    expect(item(app.tray(), 'Do not disturb')).toMatchObject({ type: 'checkbox', checked: true })
    expect(app.tray()!.tooltip).toContain('do not disturb')

    expect(await app.clickTray('Pause watching')).toBe(true)
    await app.until('the paused (degraded) glyph', () => iconOf(app.tray()) === 'tray/degraded.png')
    expect(item(app.tray(), 'Pause watching')).toMatchObject({ checked: true })
    await expect(page.getByRole('banner').getByText('Paused', { exact: true })).toBeVisible()
    // The pause is told once, in the header; the row only says when it was last updated.
    await expect(page.locator(`[data-case-id="${second.caseId}"]`)).toContainText('Updated')
    await app.until('the stream to close while paused', () => host.control.stats().openStreams === 0, 10_000)

    expect(await app.clickTray('Pause watching')).toBe(true)
    await expect(page.getByRole('banner').getByText('Paused', { exact: true })).toHaveCount(0)
    await app.until('the stream again after resume', () => host.control.stats().openStreams === 1, 10_000)
    expect(await app.clickTray('Do not disturb')).toBe(true)
    await app.until('analysing again', () => iconOf(app.tray()) === 'tray/analysing-1.png')
  } finally {
    await host.close()
  }
})

test('the tray is redrawn only when what it shows changed, not on every batch of progress', async ({ desktop }) => {
  const app = await desktop.launch()
  const window = await app.mainWindow()
  await window.loadedPage()
  // The demo cases stream progress for a while: many batches reach the window meanwhile.
  const sentBefore = app.of('webcontents-send').length
  await app.until('progress batches', () => app.of('webcontents-send').length > sentBefore + 20, 20_000)

  const records = app.of('tray')
  expect(records[0]!.call).toBe('constructor')
  for (let index = 1; index < records.length; index++) {
    const [before, after] = [records[index - 1]!, records[index]!]
    const what = `${after.call} #${index}`
    if (after.call === 'setImage') expect(after.image, what).not.toBe(before.image)
    if (after.call === 'setToolTip') expect(after.tooltip, what).not.toBe(before.tooltip)
    if (after.call === 'setTitle') expect(after.title, what).not.toBe(before.title)
    if (after.call === 'setContextMenu') expect(JSON.stringify(after.menu), what).not.toBe(JSON.stringify(before.menu))
  }
})
