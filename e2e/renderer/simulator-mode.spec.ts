import { expect, test } from '../fixtures/app-harness'

test.use({ simulatorOptions: { analysisMs: 25_000, heartbeatMs: 1_000, retryMs: 500, demoCases: 9, seed: 4 } })

test('with no key the app follows the built-in simulator, says so, and its demo cases progress live', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  await expect(page.getByText('You are looking at demo data.')).toBeVisible()
  await expect(page.getByRole('banner').first()).toContainText('Built-in simulator')
  const rows = page.locator('[data-case-id]')
  await expect(rows).toHaveCount(9)
  await expect(page.getByText('Live').first()).toBeVisible()

  const progressOf = async () => Number((await rows.first().locator('text=/\\d+%/').first().textContent())?.replace('%', ''))
  const before = await progressOf()
  await expect.poll(progressOf, { timeout: 20_000 }).toBeGreaterThan(before)

  await page.getByRole('button', { name: 'Start a demo case' }).click()
  await expect(rows).toHaveCount(10)

  await expect(rows.filter({ hasText: /(Done|Needs review) ·/ }).first()).toBeVisible({ timeout: 40_000 })
  await expect(
    page
      .getByRole('group', { name: 'Show cases' })
      .getByRole('button', { name: /^(Done|Needs review)/ })
      .first(),
  ).toBeVisible()
  await page
    .locator('[data-case-id]')
    .nth(1)
    .getByRole('button', { name: /^Show files of/ })
    .click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: test.info().outputPath('simulator-mode.png') })
})
