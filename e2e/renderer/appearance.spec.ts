import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/app-harness'

const background = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
const lightBackground = 'rgb(244, 245, 247)'
const darkBackground = 'rgb(15, 18, 22)'

test('a light or dark choice in settings beats the system, and "Same as the system" follows it again', async ({ harness }) => {
  const { page } = harness
  await page.emulateMedia({ colorScheme: 'dark' })
  await harness.open()
  await expect.poll(() => background(page)).toBe(darkBackground)

  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  const colours = page.getByLabel('Colours')
  await expect(colours).toHaveValue('system')
  await colours.scrollIntoViewIfNeeded()
  await colours.selectOption('light')
  await expect.poll(() => background(page)).toBe(lightBackground)
  await page.screenshot({ path: test.info().outputPath('light-on-dark-system.png') })

  await page.emulateMedia({ colorScheme: 'light' })
  await colours.selectOption('dark')
  await expect.poll(() => background(page)).toBe(darkBackground)
  await page.screenshot({ path: test.info().outputPath('dark-on-light-system.png') })

  await colours.selectOption('system')
  await expect.poll(() => background(page)).toBe(lightBackground)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(() => background(page)).toBe(darkBackground)
})
