import { resolve } from 'node:path'
import { expect, test } from '../fixtures/app-harness'
import { watchTriageCases } from '../fixtures/triage-cases'

// The README's pictures, taken from the real UI on every run (into the test output), and written to
// docs/images with UPDATE_SCREENSHOTS=1, so they never go stale.
test.use({
  viewport: { width: 1280, height: 800 },
  simulatorOptions: { analysisMs: 90_000, heartbeatMs: 500, retryMs: 200, demoCases: 6, seed: 4 },
})

function shot(name: string): string {
  return process.env.UPDATE_SCREENSHOTS ? resolve(__dirname, '../../docs/images', name) : test.info().outputPath(name)
}

test('README screenshots: the triaged list, a case detail, diagnostics and dark mode', async ({ harness }) => {
  const { page } = harness
  const { cases, row } = await watchTriageCases(harness)
  await page.getByRole('button', { name: 'Hide this message' }).click()
  await expect(page.getByRole('group', { name: 'Show cases' }).getByRole('button', { name: /^Needs review/ })).toBeVisible()
  await expect(page.locator('[data-case-id]')).toHaveCount(13)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: shot('case-monitor.png') })

  await row(cases.failedFile.caseId).getByRole('button', { name: 'Show files of Claim with an unreadable file' }).click()
  await expect(
    row(cases.failedFile.caseId)
      .getByRole('group', { name: /^Timeline of/ })
      .first(),
  ).toBeVisible()
  await page.screenshot({ path: shot('case-detail.png') })
  await row(cases.failedFile.caseId).getByRole('button', { name: 'Hide files of Claim with an unreadable file' }).click()

  await page.getByRole('banner').first().getByRole('button', { name: 'Diagnostics' }).click()
  const diagnostics = page.getByRole('dialog', { name: 'Diagnostics' })
  await expect(diagnostics.getByRole('row', { name: /Forged licence/ })).toBeVisible()
  await page.screenshot({ path: shot('diagnostics.png') })
  await page.keyboard.press('Escape')
  await expect(diagnostics).toBeHidden()

  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true)
  await page.screenshot({ path: shot('dark.png') })
})
