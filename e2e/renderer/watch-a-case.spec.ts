import { expect, test } from '../fixtures/app-harness'

test('an analyst adds a case by ID and watches it progress to completed', async ({ harness }) => {
  const { page, simulator } = harness
  await harness.open()
  const { caseId, fileIds } = simulator.control.createCase({
    label: 'E2E claim 7781',
    fileLabels: ['passport.pdf', 'payslip.png', 'bank_statement.pdf'],
    fileDurationsMs: [4_000, 5_000, 6_000],
  })

  await page.getByLabel('Case IDs or dashboard links to watch').fill(caseId)
  await page.keyboard.press('Enter')
  await expect(page.getByText('Watching 1 case.')).toBeVisible()

  const row = page.locator(`[data-case-id="${caseId}"]`)
  await expect(row).toContainText('E2E claim 7781')
  await expect(row).toContainText(/Live|Connecting/)
  await row.getByRole('button', { name: 'Show files of E2E claim 7781' }).click()
  const files = row.getByRole('list', { name: 'Files of E2E claim 7781' })
  await expect(files.getByRole('listitem')).toHaveCount(fileIds.length)
  await expect(files).toContainText('passport.pdf')

  await expect(row).toContainText(/Done|Needs review/, { timeout: 30_000 })
  await expect(row).toContainText('100%')
  await expect(row).toContainText('3 files · 3 done')
  await expect(row).toContainText(/High|Medium|Low|Informational/)
  await expect.poll(() => harness.notices.filter((notice) => notice.caseId === caseId).length).toBe(1)
  expect(harness.notices.find((notice) => notice.caseId === caseId)!.title).toBe('Analysis complete: E2E claim 7781')
})

test('a case can be removed from the watch list', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  const rows = page.locator('[data-case-id]')
  await expect(rows).toHaveCount(4)
  const first = rows.first()
  const name = await first.getAttribute('aria-label')
  await first.getByRole('button', { name: `Stop watching ${name}` }).click()
  await expect(rows).toHaveCount(3)
  await expect(page.locator(`[aria-label="${name}"]`)).toHaveCount(0)
})
