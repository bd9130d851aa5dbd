import { expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { electronExecutable, electronMissing, electronMissingReason, launchElectron, newUserData } from './electron-app'

// The desktop project's scenarios (e2e/desktop) where real Electron can show them.
test.skip(electronMissing, electronMissingReason)

test('closing hides the window and the app keeps running; showing brings it back', async () => {
  const app = await launchElectron(newUserData())
  try {
    const page = await app.firstWindow()
    await expect(page.locator('[data-case-id]')).toHaveCount(8)
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible())).toBe(false)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  } finally {
    await app.close()
  }
})

test('a second launch exits and brings the first forward', async () => {
  const userData = newUserData()
  const app = await launchElectron(userData)
  try {
    await app.firstWindow()
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide())
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
    const second = spawnSync(electronExecutable!, [...rootArgs, join(__dirname, '../../out/main/index.js')], {
      env: { ...process.env, CASE_MONITOR_USER_DATA: userData },
      timeout: 30_000,
    })
    expect(second.status).toBe(0)
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible())).toBe(true)
  } finally {
    await app.close()
  }
})

test('a crashed page is reloaded with the watch list intact', async () => {
  const app = await launchElectron(newUserData())
  try {
    const page = await app.firstWindow()
    await expect(page.locator('[data-case-id]')).toHaveCount(8)
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer())
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.isCrashed()), { timeout: 15_000 })
      .toBe(false)
    const reloaded = app.windows().at(-1)!
    await expect(reloaded.locator('[data-case-id]')).toHaveCount(8)
  } finally {
    await app.close()
  }
})

test('navigation away from the app is refused', async () => {
  const app = await launchElectron(newUserData())
  try {
    const page = await app.firstWindow()
    const appUrl = page.url()
    await page.evaluate(() => (window.location.href = 'https://example.com/'))
    await page.waitForTimeout(1_000)
    expect(page.url()).toBe(appUrl)
  } finally {
    await app.close()
  }
})

test('Copy case ID works; other permissions are refused', async () => {
  const app = await launchElectron(newUserData())
  try {
    const page = await app.firstWindow()
    const row = page.locator('[data-case-id]').first()
    const caseId = await row.getAttribute('data-case-id')
    await row.getByRole('button', { name: /copy case id/i }).click()
    expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe(caseId)
    const geolocation = await page.evaluate(() => navigator.permissions.query({ name: 'geolocation' }).then((status) => status.state))
    expect(geolocation).not.toBe('granted')
  } finally {
    await app.close()
  }
})

test('the key saved through the UI appears in no log, settings file or page', async () => {
  const userData = newUserData()
  const app = await launchElectron(userData)
  const key = 'vdx_real_electron_key_55123'
  try {
    const page = await app.firstWindow()
    await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Veridox API key').fill(key)
    await page.getByRole('button', { name: 'Save key' }).click()
    await page.waitForTimeout(1_000)
    expect(await page.content()).not.toContain(key)
  } finally {
    await app.close()
  }
  const files = readdirSync(userData, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  for (const file of files) expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(key)
})
