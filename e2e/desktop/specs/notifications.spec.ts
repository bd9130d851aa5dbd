import { expect, test } from '../harness/desktop-fixture'
import { connectThroughSettings, startHost, watchCase } from '../harness/desktop-steps'

test('a completion shows one notification; clicking it after a garbage collection brings that case forward with its detail open', async ({
  desktop,
}) => {
  // The notice can wait for the final risk scores up to the finalize timeout (15 s) after the completion.
  test.setTimeout(90_000)
  const host = await startHost()
  try {
    const { caseId } = host.control.createCase({
      label: 'Notice claim 4410',
      fileLabels: ['passport.pdf', 'payslip.png'],
      fileDurationsMs: [1_500, 2_500],
    })
    const app = await desktop.launch()
    const window = await app.mainWindow()
    const page = await window.loadedPage()
    await connectThroughSettings(page, host.baseUrl)
    await watchCase(page, caseId)
    const notice = await app.until(
      'the completion notification',
      () => app.notifications().find((shown) => shown.title.includes('Notice claim 4410')),
      45_000,
    )
    expect(notice.body).toMatch(/2 files/)
    expect(`${notice.title} ${notice.body}`).toMatch(/high|medium|low|informational/i)
    // Another case on top and the window away: the click must bring back this one.
    const other = host.control.createCase({ label: 'Other claim', fileLabels: ['x.pdf'], fileDurationsMs: [60_000] })
    await watchCase(page, other.caseId)
    window.close()
    await app.until('the window to hide', () => !window.isVisible)

    await app.collectGarbage()
    expect(await app.clickNotification(notice.id)).toBe(true)
    await app.until('the window to come forward', () => window.isVisible && window.isFocused)
    await expect(page.locator(`[data-case-id="${caseId}"]`)).toBeFocused()
    await expect(page.getByRole('button', { name: 'Hide files of Notice claim 4410' })).toHaveAttribute('aria-expanded', 'true')
    await page.waitForTimeout(1_000)
    expect(app.notifications().filter((shown) => shown.title.includes('Notice claim 4410'))).toHaveLength(1)
  } finally {
    await host.close()
  }
})
