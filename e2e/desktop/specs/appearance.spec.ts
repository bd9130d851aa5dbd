import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../harness/desktop-fixture'

test('the appearance chosen in settings reaches nativeTheme.themeSource before the window exists, and survives a restart', async ({
  desktop,
}) => {
  const themeSources = (app: { appEvents(): string[] }): string[] => app.appEvents().filter((name) => name.startsWith('native-theme:'))

  const first = await desktop.launch()
  const page = await (await first.mainWindow()).loadedPage()
  expect(themeSources(first)).toEqual(['native-theme:system'])
  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Colours').selectOption('dark')
  await expect.poll(() => themeSources(first)).toEqual(['native-theme:system', 'native-theme:dark'])
  const prefersDark = (page: Page): Promise<boolean> => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
  await expect.poll(() => prefersDark(page)).toBe(true)
  const settings = JSON.parse(readFileSync(join(desktop.home, '.config/Case Monitor/settings.json'), 'utf8'))
  expect(settings).toMatchObject({ theme: 'dark' })
  expect(await first.clickTray('Quit')).toBe(true)
  expect(await first.waitForExit()).toBe(0)

  const second = await desktop.launch()
  const again = await (await second.mainWindow()).loadedPage()
  // Set at start-up, before the window was created: menus, scrollbars and the first paint are dark from the start.
  const order = second.messages
    .map((message) => (message.kind === 'app-event' ? message.name : message.kind))
    .filter((name) => name.startsWith('native-theme:') || name === 'window-created')
  expect(order).toEqual(['native-theme:dark', 'window-created'])
  expect(await prefersDark(again)).toBe(true)
  await again.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  await expect(again.getByLabel('Colours')).toHaveValue('dark')
  await expect(again.locator('html')).toHaveAttribute('data-theme', 'dark')
})
