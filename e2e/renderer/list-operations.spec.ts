import { expect, test } from '../fixtures/app-harness'

test('the watch box says what it watched and what it ignored', async ({ harness }) => {
  const { page, simulator } = harness
  await harness.open()
  await expect(page.locator('[data-case-id]')).toHaveCount(4)
  const watched = await page.locator('[data-case-id]').first().getAttribute('data-case-id')
  const fresh = [simulator.control.createCase({ label: 'Paste one' }).caseId, simulator.control.createCase({ label: 'Paste two' }).caseId]

  await page.getByLabel('Case IDs or dashboard links to watch').fill(`${fresh.join('\n')}\nCLM-2026-00991\n${watched}`)
  await page.keyboard.press('Enter')

  const outcome = page.locator('#watch-message')
  await expect(outcome).toContainText('Watching 2 cases.')
  await expect(outcome).toContainText('CLM-2026-00991 is not a case ID.')
  await expect(outcome).toContainText('is already watched.')
  await expect(page.locator('[data-case-id]')).toHaveCount(6)
})

test('several cases are removed at once and come back with one Undo, focus never on <body>', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  const rows = page.locator('[data-case-id]')
  await expect(rows).toHaveCount(4)
  // Demo cases complete during the test: an order that does not move with outcomes keeps the rows in place.
  await page.getByLabel('Sort').selectOption('recent')
  const ids = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-case-id')!))
  await rows.nth(0).getByRole('button', { name: /^Pin / }).click()
  await expect(rows.nth(0)).toHaveAttribute('data-case-id', ids[0]!)

  await rows
    .nth(0)
    .getByRole('checkbox', { name: /^Select / })
    .click()
  await rows
    .nth(2)
    .getByRole('checkbox', { name: /^Select / })
    .click({ modifiers: ['Shift'] })
  const bar = page.getByRole('group', { name: 'Selected cases' })
  await expect(bar).toContainText('3 selected')
  await bar.getByRole('button', { name: 'Remove selected' }).click()

  await expect(rows).toHaveCount(1)
  await expect(bar).toBeHidden()
  expect(await page.evaluate(() => document.activeElement?.closest('[data-case-id]')?.getAttribute('data-case-id'))).toBe(ids[3])
  const toast = page.locator('.notice').filter({ hasText: 'Stopped watching 3 cases.' })
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(rows).toHaveCount(4)
  await expect(rows.nth(0)).toHaveAttribute('data-case-id', ids[0]!)
  await expect(rows.nth(0).getByRole('button', { name: /^Pin /, pressed: true })).toBeVisible()
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false)
})

test('a row removed under the pointer leaves its place until the pointer leaves the list', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  const rows = page.locator('[data-case-id]')
  await expect(rows).toHaveCount(4)
  // Demo cases complete during the test: an order that does not move with outcomes keeps the rows in place.
  await page.getByLabel('Sort').selectOption('recent')
  const second = page.locator(`[data-case-id="${await rows.nth(1).getAttribute('data-case-id')}"]`)
  const name = (await second.getAttribute('aria-label'))!
  const thirdId = await rows.nth(2).getAttribute('data-case-id')
  const third = page.locator(`[data-case-id="${thirdId}"]`)
  const thirdTop = (await third.boundingBox())!.y

  await second.hover()
  await second.getByRole('button', { name: `Stop watching ${name}` }).click()
  const placeholder = page.locator('.removed-row')
  await expect(placeholder).toContainText(`Stopped watching ${name}`)
  await expect(page.locator('.notice').filter({ hasText: `Stopped watching ${name}.` })).toBeVisible()
  expect((await page.locator(`[data-case-id="${thirdId}"]`).boundingBox())!.y).toBe(thirdTop)

  await page.mouse.move(5, 5)
  await expect(placeholder).toBeHidden()
  await expect.poll(async () => (await page.locator(`[data-case-id="${thirdId}"]`).boundingBox())!.y).toBeLessThan(thirdTop)
})

test("an analyst names a case; the name shows, Veridox's label stays beside it, and search finds it", async ({ harness }) => {
  const { page } = harness
  await harness.open()
  const firstId = await page.locator('[data-case-id]').first().getAttribute('data-case-id')
  // Found by its ID: demo cases complete during the test and the list re-sorts by outcome.
  const row = page.locator(`[data-case-id="${firstId}"]`)
  const veridoxName = (await row.getAttribute('aria-label'))!
  await row.getByRole('button', { name: /^Rename / }).click()
  const field = row.getByRole('textbox', { name: /^Your name for/ })
  await field.fill('Hart, second look')
  await field.press('Enter')
  await expect(row.locator('.name')).toHaveText('Hart, second look')
  await expect(row.locator('.veridox-label')).toHaveText(veridoxName)

  await page.getByRole('searchbox', { name: 'Search cases by label or ID' }).fill('second look')
  await expect(page.locator('[data-case-id]')).toHaveCount(1)
})

test("'My recent cases' lists the account's cases newest first and watches the chosen ones", async ({ harness }) => {
  const { page, simulator } = harness
  await harness.open()
  await expect(page.locator('[data-case-id]')).toHaveCount(4)
  for (const label of ['Older claim 1', 'Older claim 2', 'Newest claim 3']) simulator.control.createCase({ label })

  await page.getByRole('button', { name: 'My recent cases' }).click()
  const picker = page.getByRole('dialog', { name: 'Watch my recent cases' })
  const items = picker.locator('.recent-case')
  await expect(items).toHaveCount(7)
  await expect(items.nth(0)).toContainText('Newest claim 3')
  await expect(items.nth(0)).toContainText('created just now')
  await expect(items.nth(3)).toContainText('Watching')

  await picker.getByRole('searchbox').fill('older')
  await expect(items).toHaveCount(2)
  await items.nth(0).getByRole('checkbox').check()
  await items.nth(1).getByRole('checkbox').check()
  await picker.getByRole('button', { name: 'Watch 2 cases' }).click()

  await expect(picker).toBeHidden()
  await expect(page.locator('#watch-message')).toContainText('Watching 2 cases.')
  await expect(page.locator('[data-case-id]')).toHaveCount(6)
  await expect(page.locator('[data-case-id]').filter({ hasText: 'Older claim 1' })).toHaveCount(1)
})
