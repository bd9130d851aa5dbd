import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/app-harness'

// Enough cases that the virtualised list renders only some of them; analysis slow enough that none reorders mid-test.
test.use({ simulatorOptions: { analysisMs: 600_000, heartbeatMs: 1_000, retryMs: 500, demoCases: 40, seed: 7 } })

const focusedCaseId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-case-id') ?? null)
const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? null)

test('an analyst triages the list from the keyboard alone', async ({ harness }) => {
  const { page } = harness
  await page.setViewportSize({ width: 1280, height: 800 })
  await harness.open()
  const rows = page.locator('[data-case-id]')
  await expect(rows.first()).toBeVisible()
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Label A–Z' })
  const rendered = await rows.count()
  expect(rendered).toBeLessThan(40)
  const order = () => rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-case-id')))
  const ids = await order()

  // `/` goes to the search box; Tab past the sort and the select-all box lands on the one tabbable row.
  await page.locator('body').focus()
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search cases by label or ID' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  expect(await focusedCaseId(page)).toBe(ids[0])

  await page.keyboard.press('j')
  await page.keyboard.press('ArrowDown')
  expect(await focusedCaseId(page)).toBe(ids[2])
  await page.keyboard.press('k')
  expect(await focusedCaseId(page)).toBe(ids[1])

  // End reaches a row the virtualiser had not rendered, and scrolls it into view.
  await page.keyboard.press('End')
  const last = page.locator(':focus')
  await expect(last).toHaveAttribute('data-case-id', /.+/)
  expect(ids).not.toContain(await focusedCaseId(page))
  await expect(last).toBeInViewport()
  await page.keyboard.press('Home')
  await expect.poll(() => focusedCaseId(page)).toBe(ids[0])
  await expect(rows.first()).toBeInViewport()

  // Enter opens the case's files; the row keeps focus.
  await page.keyboard.press('Enter')
  await expect(page.locator(`#files-${ids[0]}`)).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator(`#files-${ids[0]}`)).toHaveCount(0)

  // p pins the third case: it jumps to the top and focus goes with it.
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  const third = ids[2]!
  await page.keyboard.press('p')
  await expect(page.locator(`[data-case-id="${third}"] .pin`)).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => order().then((now) => now[0])).toBe(third)
  await expect.poll(() => focusedCaseId(page)).toBe(third)
  await page.screenshot({ path: test.info().outputPath('keyboard-focused-row.png') })

  // x stops watching, focus moves to the next row, and Undo brings the case back (still pinned).
  const name = (await page.locator(`[data-case-id="${third}"]`).getAttribute('aria-label'))!
  await page.keyboard.press('x')
  await expect(page.locator(`[data-case-id="${third}"]`)).toHaveCount(0)
  await expect.poll(() => focusedCaseId(page)).toBe(ids[0])
  const toast = page.locator('.notice', { hasText: `Stopped watching ${name}.` })
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator(`[data-case-id="${third}"]`)).toHaveCount(1)
  await expect(page.locator(`[data-case-id="${third}"] .pin`)).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => focusedCaseId(page)).toBe(third)

  // Delete does the same; focus never falls to <body>.
  await page.keyboard.press('Delete')
  await expect(page.locator(`[data-case-id="${third}"]`)).toHaveCount(0)
  await expect.poll(() => focusedCaseId(page)).toBe(ids[0])
  // u undoes it from the row, without reaching for the toast.
  await page.keyboard.press('u')
  await expect(page.locator(`[data-case-id="${third}"]`)).toHaveCount(1)
  await expect.poll(() => focusedCaseId(page)).toBe(third)

  // `?` lists the shortcuts; Escape closes the list and focus returns to the row.
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Stop watching (with undo)')
  const path = process.env.UPDATE_SCREENSHOTS
    ? resolve(__dirname, '../../docs/images/keyboard-shortcuts.png')
    : test.info().outputPath('keyboard-shortcuts.png')
  await page.screenshot({ path })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await focusedCaseId(page)).toBe(third)

  // Ctrl+, opens settings.
  await page.keyboard.press('Control+Comma')
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden()
})

test('shortcuts never fire while typing', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  await expect(page.locator('[data-case-id]').first()).toBeVisible()
  const box = page.getByLabel('Case IDs or dashboard links to watch')
  await box.click()
  await page.keyboard.type('j/?xp')
  await expect(box).toHaveValue('j/?xp')
  expect(await focusedTag(page)).not.toBe('BODY')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
  await page.getByRole('searchbox').fill('')
  await page.getByRole('searchbox').press('?')
  await expect(page.getByRole('searchbox')).toHaveValue('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
})
