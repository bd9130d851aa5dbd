import type { Page } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLoopbackFeed, type LoopbackFeed } from '../../../src/core/updates/testing/loopback-feed'
import { feedFileName } from '../../../src/core/updates/update-feed'
import { expect, test, type Desktop } from '../harness/desktop-fixture'

// The built main process runs from source here (not packaged), so the check runs and nothing is downloaded:
// what a real installed copy does with the release (download, verify, install on quit) is in e2e/electron.
const feedFile = `/case-monitor/${feedFileName(process.platform, process.arch)}`
const settingsPath = (desktop: Desktop): string => join(desktop.home, '.config/Case Monitor/settings.json')

function writeSettings(desktop: Desktop, settings: Record<string, unknown>): void {
  mkdirSync(join(desktop.home, '.config/Case Monitor'), { recursive: true })
  writeFileSync(settingsPath(desktop), JSON.stringify(settings))
}

async function openUpdates(page: Page) {
  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  return page.getByRole('dialog').locator('section[aria-labelledby="updates-title"]')
}

let feed: LoopbackFeed | null = null
test.afterEach(async () => {
  await feed?.close()
  feed = null
})

test('update check against a loopback feed: the feed in settings.json is checked in the background and the window shows the newer version', async ({
  desktop,
}, testInfo) => {
  feed = await startLoopbackFeed({ kind: 'release', version: '0.2.0' })
  writeSettings(desktop, { updateFeedUrl: feed.url })
  const app = await desktop.launch()
  const page = await (await app.mainWindow()).loadedPage()
  await expect.poll(() => feed!.requests, { timeout: 15_000 }).toEqual([feedFile])

  const updates = await openUpdates(page)
  await expect(updates.getByRole('status')).toHaveText(
    'Case Monitor 0.2.0 is available. This copy is not an installed one, so it cannot update itself.',
  )
  await expect(updates.getByRole('switch', { name: 'Check for updates automatically' })).toBeChecked()
  await page.screenshot({ path: testInfo.outputPath('updates-available.png') })
})

test('switched off in settings.json, the feed sees no request; switched on in the window, it is checked at once', async ({ desktop }) => {
  feed = await startLoopbackFeed({ kind: 'release', version: '0.1.0' })
  writeSettings(desktop, { updatesEnabled: false, updateFeedUrl: feed.url })
  const app = await desktop.launch()
  const page = await (await app.mainWindow()).loadedPage()
  const updates = await openUpdates(page)
  await expect(updates.getByRole('status')).toHaveText('Automatic update checks are off.')
  // Past the first check's delay after start (update-flow.ts), with time to spare on a busy machine.
  await page.waitForTimeout(6_000)
  expect(feed.requests).toEqual([])

  await updates.getByText('Check for updates automatically').click()
  await expect(updates.getByRole('status')).toHaveText('Case Monitor 0.1.0 is up to date.')
  expect(feed.requests).toEqual([feedFile])
  expect(JSON.parse(readFileSync(settingsPath(desktop), 'utf8'))).toMatchObject({ updatesEnabled: true, updateFeedUrl: feed.url })

  await updates.getByText('Check for updates automatically').click()
  await expect(updates.getByRole('status')).toHaveText('Automatic update checks are off.')
  expect(JSON.parse(readFileSync(settingsPath(desktop), 'utf8'))).toMatchObject({ updatesEnabled: false })
})

test('a feed answering with a sign-in page: the window says why there is no update, in words', async ({ desktop }) => {
  feed = await startLoopbackFeed({ kind: 'html' })
  writeSettings(desktop, { updateFeedUrl: feed.url })
  const app = await desktop.launch()
  const page = await (await app.mainWindow()).loadedPage()
  await expect.poll(() => feed!.requests.length, { timeout: 15_000 }).toBe(1)
  const updates = await openUpdates(page)
  await expect(updates.getByRole('status')).toHaveText(
    /^Could not check for updates: the update address answered with something other than a release/,
  )
  expect(app.output.join('\n')).toContain('update check failed')
})
