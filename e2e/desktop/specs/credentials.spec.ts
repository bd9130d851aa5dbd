import type { Page } from '@playwright/test'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DesktopApp } from '../harness/desktop-app'
import { expect, test, type Desktop } from '../harness/desktop-fixture'
import { simulatorKey, startHost, watchCase } from '../harness/desktop-steps'

const profileDirectory = (desktop: Desktop): string => join(desktop.home, '.config/Case Monitor')
const secretsPath = (desktop: Desktop): string => join(profileDirectory(desktop), 'secrets.json')
const demoBanner = (page: Page) => page.getByText('You are looking at demo data.')
const storedSecrets = (desktop: Desktop): Record<string, unknown> =>
  existsSync(secretsPath(desktop)) ? (JSON.parse(readFileSync(secretsPath(desktop), 'utf8')) as Record<string, unknown>) : {}

/** The headers of every request the main process sent to this origin, as name → value pairs (undici's flat list). */
function headersSentTo(app: DesktopApp, origin: string): Map<string, string>[] {
  return app
    .of('http-request')
    .filter((request) => request.origin === origin)
    .map((request) => {
      const pairs = new Map<string, string>()
      for (let index = 0; index + 1 < request.headers.length; index += 2)
        pairs.set(request.headers[index].toLowerCase(), request.headers[index + 1])
      return pairs
    })
}

async function openCredentialForm(page: Page, baseUrl: string): Promise<void> {
  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Where your Veridox account lives').selectOption('custom')
  await page.getByLabel('Custom address').fill(baseUrl)
  await page.getByLabel('Custom address').press('Enter')
  await expect(page.getByText('Custom address saved.')).toBeVisible()
}

async function quit(app: DesktopApp): Promise<void> {
  expect(await app.clickTray('Quit')).toBe(true)
  expect(await app.waitForExit()).toBe(0)
}

test('an access token: a rejected one is explained, a live one is sent only as Authorization: Bearer on REST and streams, and kept across a restart', async ({
  desktop,
}) => {
  const host = await startHost()
  try {
    const expired = host.control.issueAccessToken(simulatorKey)
    host.control.revokeAccessToken(expired)
    const token = host.control.issueAccessToken(simulatorKey)
    const origin = new URL(host.baseUrl).origin
    const { caseId } = host.control.createCase({ label: 'Token claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })

    const app = await desktop.launch({ keychain: 'available' })
    const page = await (await app.mainWindow()).loadedPage()
    await openCredentialForm(page, host.baseUrl)
    await page.getByRole('radio', { name: 'Access token' }).check()
    await page.getByLabel('Veridox access token').fill(expired)
    await page.getByRole('button', { name: 'Save token' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'access token' })).toHaveText(
      'Veridox did not accept this access token (expired or revoked?). Copy a new one from the Veridox dashboard, or use an API key.',
    )
    await expect(page.getByLabel('Veridox access token')).toHaveValue('')

    await page.getByLabel('Veridox access token').fill(token)
    await page.getByRole('button', { name: 'Save token' }).click()
    await expect(page.getByText('An access token is saved')).toBeVisible()
    await expect(page.getByText('Encrypted by your system’s keychain.')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(demoBanner(page)).toHaveCount(0)
    await watchCase(page, caseId)
    await expect(page.locator(`[data-case-id="${caseId}"]`).getByText('Live', { exact: true })).toBeVisible()

    const sent = headersSentTo(app, origin)
    expect(sent.length).toBeGreaterThan(2)
    for (const headers of sent) {
      expect(headers.has('x-api-key')).toBe(false)
      expect([`Bearer ${expired}`, `Bearer ${token}`]).toContain(headers.get('authorization'))
    }
    // The stream goes through undici, REST through net.fetch: both carried the live token.
    const streamRequests = app
      .of('http-request')
      .filter((request) => request.origin === origin && request.path.endsWith('/progress/stream'))
    expect(streamRequests).not.toEqual([])
    for (const request of streamRequests) expect(request.headers).toContain(`Bearer ${token}`)
    expect(app.of('http-request').filter((request) => request.origin !== origin && request.headers.join(' ').includes(token))).toEqual([])
    expect(JSON.stringify(app.of('webcontents-send'))).not.toContain(token)
    expect(JSON.stringify(app.of('reply'))).not.toContain(token)
    await quit(app)
    expect(app.output.join('\n')).not.toContain(token)
    expect(readFileSync(secretsPath(desktop), 'latin1')).not.toContain(token)

    const again = await desktop.launch({ keychain: 'available' })
    const reopened = await (await again.mainWindow()).loadedPage()
    await expect(reopened.locator(`[data-case-id="${caseId}"]`)).toContainText('Token claim')
    await expect(demoBanner(reopened)).toHaveCount(0)
    await expect.poll(() => headersSentTo(again, origin).some((headers) => headers.get('authorization') === `Bearer ${token}`)).toBe(true)
  } finally {
    await host.close()
  }
})

test('basic_text: the window says so before saving; this session only is gone after a restart, stored anyway is there', async ({
  desktop,
}) => {
  const host = await startHost()
  try {
    const { caseId } = host.control.createCase({ label: 'Basic text claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    const app = await desktop.launch({ keychain: 'basic_text' })
    const page = await (await app.mainWindow()).loadedPage()
    await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByLabel('API version')).toHaveValue('classic')
    await page.getByRole('dialog').screenshot({ path: test.info().outputPath('credential-settings.png') })
    await page.keyboard.press('Escape')
    await openCredentialForm(page, host.baseUrl)
    await expect(page.getByText('only Linux’s basic_text fallback', { exact: false })).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Keep for this session only' })).toBeChecked()
    await page.getByLabel('Veridox API key').fill(simulatorKey)
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect(page.getByText('Kept for this session only: Case Monitor forgets it when it quits.')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(demoBanner(page)).toHaveCount(0)
    await watchCase(page, caseId)
    await quit(app)
    expect(storedSecrets(desktop)).toEqual({})

    const forgotten = await desktop.launch({ keychain: 'basic_text' })
    const demo = await (await forgotten.mainWindow()).loadedPage()
    await expect(demoBanner(demo)).toBeVisible()
    await demo.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
    await expect(demo.getByLabel('Veridox API key')).toBeVisible()
    await demo.getByRole('radio', { name: 'Store anyway (readable by other programs on this computer)' }).check()
    await demo.getByLabel('Veridox API key').fill(simulatorKey)
    await demo.getByRole('button', { name: 'Save key' }).click()
    await expect(demo.getByText('Stored with Linux’s basic_text fallback: other programs on this computer can read it.')).toBeVisible()
    await expect.poll(() => storedSecrets(desktop).sealedWith).toBe('basic_text')
    await quit(forgotten)
    expect(readFileSync(secretsPath(desktop), 'latin1')).not.toContain(simulatorKey)

    const stored = await desktop.launch({ keychain: 'basic_text' })
    const kept = await (await stored.mainWindow()).loadedPage()
    await expect(demoBanner(kept)).toHaveCount(0)
    await expect(kept.locator(`[data-case-id="${caseId}"]`)).toContainText('Basic text claim')
    await kept.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
    await expect(kept.getByText('A key is saved')).toBeVisible()
    await expect(kept.getByText('Stored with Linux’s basic_text fallback: other programs on this computer can read it.')).toBeVisible()
    const files = readdirSync(profileDirectory(desktop), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name), 'latin1')).not.toContain(simulatorKey)
  } finally {
    await host.close()
  }
})
