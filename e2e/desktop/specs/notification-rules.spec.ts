import type { Page } from '@playwright/test'
import type { DesktopApp } from '../harness/desktop-app'
import { expect, test } from '../harness/desktop-fixture'
import { connectThroughSettings, startHost, watchCase } from '../harness/desktop-steps'

// Asia/Kolkata is UTC+5:30 all year: quiet hours set around its time of day are not around this machine's (UTC),
// so the built app can only honour them by reading the local time of the zone it runs in.
const zone = 'Asia/Kolkata'
const timeInZone = (offsetMinutes: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(Date.now() + offsetMinutes * 60_000),
  )

// The demo cases shown before connecting may complete too: only notices about this test's cases count.
const ours = /(Night|Day|DND|Muted|Heard|Withdrawn|Away) claim|cases? finished|cases? not found/
const noticesOf = (app: DesktopApp) => app.notifications().filter((notice) => ours.test(notice.title))
const titles = (app: DesktopApp): string[] => noticesOf(app).map((notice) => notice.title)

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
}

async function closeSettings(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
}

async function setQuietHours(page: Page, start: string, end: string): Promise<void> {
  const toggle = page.getByRole('switch', { name: 'Quiet hours every day' })
  // A switch shows main's answer, not the click: wait for the answer rather than expect the click to flip it.
  if (!(await toggle.isChecked())) await toggle.click({ force: true })
  await expect(toggle).toBeChecked()
  await page.locator('#quiet-start').fill(start)
  await page.locator('#quiet-end').fill(end)
  await expect(page.locator('#quiet-end')).toHaveValue(end)
}

test('texts: a case deleted in Veridox is told once, as deleted; clicked, it opens with its detail; not again after a restart', async ({
  desktop,
}) => {
  const host = await startHost()
  try {
    const { caseId } = host.control.createCase({ label: 'Withdrawn claim 88', fileLabels: ['a.pdf'], fileDurationsMs: [120_000] })
    const app = await desktop.launch()
    const window = await app.mainWindow()
    const page = await window.loadedPage()
    await connectThroughSettings(page, host.baseUrl)
    await watchCase(page, caseId)
    await expect(page.locator(`[data-case-id="${caseId}"]`)).toContainText('Live', { timeout: 10_000 })
    host.control.deleteCase(caseId)
    const notice = await app.until('the not-found notice', () => app.notifications().find((shown) => shown.title.includes('Withdrawn')))
    expect(notice.title).toBe('Case deleted in Veridox: Withdrawn claim 88')
    expect(notice.body).toBe(
      'Veridox no longer has this case (deleted, or moved out of your organisation); Case Monitor stopped following it.',
    )
    window.close()
    await app.until('the window to hide', () => !window.isVisible)
    expect(await app.clickNotification(notice.id)).toBe(true)
    await app.until('the window to come forward', () => window.isVisible)
    await expect(page.getByRole('button', { name: 'Hide files of Withdrawn claim 88' })).toHaveAttribute('aria-expanded', 'true')
    await page.getByRole('button', { name: 'Retry Withdrawn claim 88' }).click()
    await page.waitForTimeout(2_500)
    expect(titles(app)).toEqual(['Case deleted in Veridox: Withdrawn claim 88'])

    expect(await app.clickTray('Quit')).toBe(true)
    expect(await app.waitForExit()).toBe(0)
    const again = await desktop.launch()
    const againPage = await (await again.mainWindow()).loadedPage()
    await expect(againPage.locator(`[data-case-id="${caseId}"]`)).toContainText('Deleted in Veridox', { timeout: 10_000 })
    await againPage.waitForTimeout(2_500)
    expect(titles(again)).toEqual([])
  } finally {
    await host.close()
  }
})

test('summary after a simulated sleep: what finished meanwhile is one notice that opens the list filtered to it', async ({ desktop }) => {
  const host = await startHost()
  try {
    const finishing = ['Away claim 1', 'Away claim 2', 'Away claim 3'].map((label, index) =>
      host.control.createCase({ label, fileLabels: ['a.pdf'], fileDurationsMs: [120_000], risks: [index === 0 ? 'high' : 'low'] }),
    )
    const running = host.control.createCase({ label: 'Still running', fileLabels: ['b.pdf'], fileDurationsMs: [120_000] })
    const app = await desktop.launch()
    const window = await app.mainWindow()
    const page = await window.loadedPage()
    await connectThroughSettings(page, host.baseUrl)
    await page.getByLabel('Case IDs or dashboard links to watch').fill([...finishing, running].map((item) => item.caseId).join('\n'))
    await page.keyboard.press('Enter')
    await expect(page.locator('[data-case-id]').getByText('Live', { exact: true })).toHaveCount(4, { timeout: 15_000 })

    app.power('suspend')
    await expect(page.getByRole('banner').getByText(/^Offline since/)).toBeVisible()
    for (const item of finishing) host.control.completeCaseNow(item.caseId)
    await page.waitForTimeout(500)
    app.power('resume')

    const notice = await app.until('the away summary', () => noticesOf(app)[0], 30_000)
    expect(notice.title).toBe('3 cases finished while you were away · 1 high risk')
    expect(notice.body).toBe('Away claim 1, Away claim 2, Away claim 3 · highest risk High')
    await page.waitForTimeout(2_000)
    expect(noticesOf(app)).toHaveLength(1)

    window.close()
    await app.until('the window to hide', () => !window.isVisible)
    expect(await app.clickNotification(notice.id)).toBe(true)
    await app.until('the window to come forward', () => window.isVisible)
    const chip = page.getByRole('button', { name: 'Finished while you were away (3)' })
    await expect(chip).toBeVisible()
    await expect(page.locator('[data-case-id]')).toHaveCount(3)
    await expect(page.locator(`[data-case-id="${running.caseId}"]`)).toHaveCount(0)
    await page.screenshot({ path: test.info().outputPath('away-summary-filter.png') })
    await chip.click()
    await expect(page.locator('[data-case-id]')).toHaveCount(4)
  } finally {
    await host.close()
  }
})

test('DND and quiet hours with a fake clock: nothing pops up, the window and tray still count it, one summary when it ends', async ({
  desktop,
}) => {
  const host = await startHost()
  try {
    const app = await desktop.launch({ env: { TZ: zone } })
    const page = await (await app.mainWindow()).loadedPage()
    await connectThroughSettings(page, host.baseUrl)

    async function completeOne(label: string): Promise<void> {
      const { caseId } = host.control.createCase({ label, fileLabels: ['a.pdf'], fileDurationsMs: [500] })
      await watchCase(page, caseId)
      await expect(page.locator(`[data-case-id="${caseId}"]`)).toContainText(/Done|Needs review/, { timeout: 15_000 })
      // Past the 1.5 s in which completions are gathered into one notice.
      await page.waitForTimeout(2_500)
    }

    // Quiet hours around the time of day in the app's zone: held back.
    await openSettings(page)
    await setQuietHours(page, timeInZone(-60), timeInZone(60))
    await closeSettings(page)
    await completeOne('Night claim')
    expect(titles(app)).toEqual([])
    await app.until('the tray to count it', () => app.tray()?.tooltip.includes('1 completed'))
    // With pop-ups held back, the new result is what the tray shows until it is seen in the window.
    await app.until('the tray to show the new result', () => app.tray()?.tooltip.includes('1 new result'))
    expect(app.tray()?.image).toMatch(/attention/)
    await page.getByRole('button', { name: /^Mark all seen/ }).click()
    // Then quiet hours show by the do-not-disturb glyph, while the Do not disturb switch stays off.
    await app.until(
      'the tray to show quiet hours',
      () => app.tray()?.tooltip.includes('quiet hours') && /dnd/.test(app.tray()?.image ?? ''),
    )
    expect(app.tray()?.menu).toContainEqual(expect.objectContaining({ label: 'Do not disturb', checked: false }))

    // The same span two hours later no longer covers now: a completion pops up at once.
    await openSettings(page)
    await setQuietHours(page, timeInZone(120), timeInZone(180))
    await app.until('the held summary', () => titles(app).length === 1)
    expect(titles(app)).toEqual([expect.stringMatching(/^1 case finished during quiet hours( · 1 high risk)?$/)])
    await closeSettings(page)
    await completeOne('Day claim')
    expect(titles(app)).toEqual([expect.stringMatching(/^1 case finished during quiet hours/), expect.stringMatching(/: Day claim$/)])

    // Do Not Disturb, whatever the hour.
    await openSettings(page)
    await page.getByRole('switch', { name: 'Do not disturb' }).click({ force: true })
    await expect(page.getByRole('switch', { name: 'Do not disturb' })).toBeChecked()
    await closeSettings(page)
    await completeOne('DND claim 1')
    await completeOne('DND claim 2')
    expect(titles(app)).toHaveLength(2)
    await app.until('the tray to count them', () => app.tray()?.tooltip.includes('4 completed'))
    await openSettings(page)
    await page.getByRole('switch', { name: 'Do not disturb' }).click({ force: true })
    await expect(page.getByRole('switch', { name: 'Do not disturb' })).not.toBeChecked()
    const summary = await app.until('the DND summary', () => noticesOf(app)[2])
    expect(summary.title).toMatch(/^2 cases finished during Do Not Disturb( · \d high risk)?$/)
    expect(summary.body).toMatch(/^DND claim 1, DND claim 2/)
    await page.locator('.settings-panel').screenshot({ path: test.info().outputPath('notification-settings.png') })
  } finally {
    await host.close()
  }
})

test('mute: a muted case pops up nothing yet shows completed and counts in the tray, and stays muted after a restart', async ({
  desktop,
}) => {
  const host = await startHost()
  try {
    const app = await desktop.launch()
    const page = await (await app.mainWindow()).loadedPage()
    await connectThroughSettings(page, host.baseUrl)
    // Its analysis starts when it is created: long enough to be muted first on a busy machine.
    const muted = host.control.createCase({ label: 'Muted claim', fileLabels: ['a.pdf'], fileDurationsMs: [10_000] })
    const heard = host.control.createCase({ label: 'Heard claim', fileLabels: ['a.pdf'], fileDurationsMs: [10_000] })
    await watchCase(page, muted.caseId)
    await page.getByRole('button', { name: 'Mute notifications for Muted claim' }).click()
    await expect(page.locator(`[data-case-id="${muted.caseId}"]`)).toContainText('Muted')
    await watchCase(page, heard.caseId)
    await expect(page.locator(`[data-case-id="${muted.caseId}"]`)).toContainText(/Done|Needs review/, { timeout: 25_000 })
    await expect(page.locator(`[data-case-id="${heard.caseId}"]`)).toContainText(/Done|Needs review/, { timeout: 25_000 })
    await app.until('the tray to count both', () => app.tray()?.tooltip.includes('2 completed'))
    await page.screenshot({ path: test.info().outputPath('muted-row.png') })
    await page.waitForTimeout(2_500)
    expect(titles(app)).toEqual([expect.stringMatching(/^(Analysis complete|High risk): Heard claim$/)])

    expect(await app.clickTray('Quit')).toBe(true)
    expect(await app.waitForExit()).toBe(0)
    const again = await desktop.launch()
    const againPage = await (await again.mainWindow()).loadedPage()
    await expect(againPage.locator(`[data-case-id="${muted.caseId}"]`)).toContainText('Muted')
    await expect(againPage.getByRole('button', { name: 'Mute notifications for Muted claim' })).toHaveAttribute('aria-pressed', 'true')
    await againPage.waitForTimeout(2_500)
    expect(titles(again)).toEqual([])
  } finally {
    await host.close()
  }
})
