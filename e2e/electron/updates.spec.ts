import { _electron as electron, expect, test, type Page } from '@playwright/test'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLoopbackFeed } from '../../src/core/updates/testing/loopback-feed'
import { serveDirectory } from '../fixtures/static-server'
import { electronMissing, electronMissingReason, launchElectron, newUserData } from './electron-app'

// What the desktop project (e2e/desktop/specs/updates.spec.ts) cannot show: Chromium's own net.fetch reading
// the feed, and electron-updater downloading, verifying and installing a real release on quit.
test.skip(electronMissing, electronMissingReason)

function writeSettings(userData: string, settings: Record<string, unknown>): void {
  mkdirSync(userData, { recursive: true })
  writeFileSync(join(userData, 'settings.json'), JSON.stringify(settings))
}

async function updateStatus(page: Page) {
  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  return page.getByRole('dialog').locator('section[aria-labelledby="updates-title"]').getByRole('status')
}

test('real Electron reads a loopback feed through net.fetch; a copy run from source does not download it', async () => {
  const feed = await startLoopbackFeed({ kind: 'release', version: '99.0.0' })
  const userData = newUserData()
  writeSettings(userData, { updateFeedUrl: feed.url })
  const app = await launchElectron(userData)
  try {
    const status = await updateStatus(await app.firstWindow())
    await expect(status).toHaveText(/^Case Monitor 99\.0\.0 is available\. This copy is not an installed one/, { timeout: 20_000 })
    expect(feed.requests).toHaveLength(1)
  } finally {
    await app.close()
    await feed.close()
  }
})

// An installed copy (from `npm run dist`) and a newer release built the same way, in electron-builder's
// output folder (latest*.yml beside the installer): electron-updater downloads it, checks its sha512 and
// installs it when the app quits; the next launch is the new version.
const installedApp = process.env.CASE_MONITOR_INSTALLED_APP
const releaseDir = process.env.CASE_MONITOR_RELEASE_DIR
const hasInstalledCopy = Boolean(installedApp && releaseDir && existsSync(installedApp) && existsSync(releaseDir))

test('an installed copy downloads the newer release, says it installs on quit, and starts as that version next time', async () => {
  test.skip(
    !hasInstalledCopy,
    'Needs an installed copy and a newer release: set CASE_MONITOR_INSTALLED_APP (e.g. the AppImage) and CASE_MONITOR_RELEASE_DIR (the newer build’s dist/ folder).',
  )
  const feed = await serveDirectory(releaseDir!)
  const userData = newUserData()
  writeSettings(userData, { updateFeedUrl: feed.url })
  const launch = () =>
    electron.launch({ executablePath: installedApp!, env: { ...process.env, APPIMAGE: installedApp!, CASE_MONITOR_USER_DATA: userData } })
  try {
    const first = await launch()
    const before = await first.evaluate(({ app }) => app.getVersion())
    const status = await updateStatus(await first.firstWindow())
    await expect(status).toHaveText(/is ready — it installs when you quit\.$/, { timeout: 120_000 })
    await first.evaluate(({ app }) => app.quit())
    await first.waitForEvent('close')

    const second = await launch()
    expect(await second.evaluate(({ app }) => app.getVersion())).not.toBe(before)
    await second.close()
  } finally {
    await feed.close()
  }
})
