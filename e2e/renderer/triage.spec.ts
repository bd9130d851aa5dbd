import { expect, test } from '../fixtures/app-harness'
import { watchTriageCases } from '../fixtures/triage-cases'

test.use({ simulatorOptions: { analysisMs: 60_000, heartbeatMs: 500, retryMs: 200, demoCases: 0, seed: 3 } })

test('triage: outcome groups, risk filter and sorts, unseen completions, and states that say what they mean', async ({ harness }) => {
  const { page } = harness
  const { cases, row } = await watchTriageCases(harness)
  const { failedFile, high, clean, waiting, analysing, deleted } = cases
  const unknown = cases.unknown.caseId

  // 1. A failed file is never a clean pass: needs review, the file named.
  await expect(row(failedFile.caseId)).toContainText('Needs review', { timeout: 15_000 })
  await expect(row(failedFile.caseId)).toContainText('invoice.pdf could not be analysed')
  await expect(row(high.caseId)).toContainText('Needs review', { timeout: 15_000 })
  await expect(row(clean.caseId)).toContainText('Done', { timeout: 15_000 })
  // 4. States say what they mean.
  await expect(row(waiting.caseId)).toContainText('Waiting for upload')
  await expect(row(waiting.caseId)).toContainText('2 files · none uploaded')
  await expect(row(waiting.caseId)).not.toContainText('0%')
  await expect(row(unknown)).toContainText('Not found')
  await expect(row(unknown)).not.toContainText('Checking files')
  await expect(row(deleted.caseId)).toContainText('Deleted in Veridox')
  await expect(row(deleted.caseId)).not.toContainText('Check the ID')

  // 2. Groups by outcome, in triage order, with counts.
  const chips = page.getByRole('group', { name: 'Show cases' })
  await expect(chips.getByRole('button', { name: /^Needs review/ })).toContainText('2')
  await expect(chips.getByRole('button', { name: /^Analysing/ })).toContainText('1')
  await expect(chips.getByRole('button', { name: /^Waiting for upload/ })).toContainText('1')
  await expect(chips.getByRole('button', { name: /^Unreachable/ })).toContainText('2')
  await expect(chips.getByRole('button', { name: /^Done/ })).toContainText('1')
  const order = () => page.locator('[data-case-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')))
  await expect(page.locator('[data-case-id]')).toHaveCount(7)
  const sorted = await order()
  expect(sorted.slice(0, 2)).toEqual([high.caseId, failedFile.caseId])
  expect(sorted.slice(2, 4)).toEqual([analysing.caseId, waiting.caseId])
  expect(new Set(sorted.slice(4, 6))).toEqual(new Set([unknown, deleted.caseId]))
  expect(sorted[6]).toBe(clean.caseId)

  // 3. Unseen completions are marked until seen.
  await expect(row(high.caseId).getByText('New', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Mark all seen/ })).toContainText('3')
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.screenshot({ path: test.info().outputPath('triage.png') })

  await row(high.caseId).getByRole('button', { name: 'Show files of Forged licence' }).click()
  await expect(row(high.caseId).getByText('New', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Mark all seen/ })).toContainText('2')
  await page.getByRole('button', { name: /^Mark all seen/ }).click()
  await expect(page.getByRole('button', { name: /^Mark all seen/ })).toHaveCount(0)
  await expect(page.locator('.new-mark')).toHaveCount(0)

  // Filter by group and by risk; sort by name.
  await chips.getByRole('button', { name: /^Needs review/ }).click()
  await expect(page.locator('[data-case-id]')).toHaveCount(2)
  await page.getByLabel('Filter by risk').selectOption('high')
  await expect(page.locator('[data-case-id]')).toHaveCount(1)
  await expect(page.locator('[data-case-id]')).toContainText('Forged licence')
  await page.getByLabel('Filter by risk').selectOption('any')
  await chips.getByRole('button', { name: /^All/ }).click()
  await page.getByLabel('Sort').selectOption('name')
  await expect.poll(async () => (await order())[0]).toBe(waiting.caseId)
})
