import { expect, test } from '../fixtures/app-harness'

test('a bad ID gets a specific message and the text stays for correction', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  const input = page.getByLabel('Case IDs or dashboard links to watch')

  await input.fill('claim 42 please')
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(page.getByText('That is not a case ID. A case ID looks like 019bfb3c-1257-7455-af2e-0cd3cadab5c7.')).toBeVisible()
  await expect(input).toHaveValue('claim 42 please')
  await expect(input).toHaveAttribute('aria-invalid', 'true')

  await input.fill('0b7e4b7a-3c1d-4f00-8a1b-2c3d4e5f6a7b')
  await page.keyboard.press('Enter')
  await expect(page.getByText(/not a Veridox case ID: case IDs are version 7 UUIDs/)).toBeVisible()
  await expect(page.locator('[data-case-id]')).toHaveCount(4)
})

test('an ID Veridox does not know is shown as not found, with a way to retry', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  const unknown = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
  await page.getByLabel('Case IDs or dashboard links to watch').fill(`https://uk.veridox.ai/cases/${unknown}`)
  await page.keyboard.press('Enter')
  const row = page.locator(`[data-case-id="${unknown}"]`)
  await expect(row).toContainText('Not found')
  await expect(row).toContainText(/no case with this ID/)
  await expect(row.getByRole('button', { name: /^Retry/ })).toBeVisible()
})
