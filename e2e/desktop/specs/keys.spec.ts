import type { Page } from '@playwright/test'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultUpdateFeedUrl } from '../../../src/shared/updates'
import type { Simulator } from '../../../src/simulator'
import type { DesktopApp } from '../harness/desktop-app'
import { expect, test, type Desktop } from '../harness/desktop-fixture'
import { connectThroughSettings, simulatorKey, startHost, watchCase } from '../harness/desktop-steps'
import type { KeychainMode } from '../stand-in/stand-in-env'

// The words of src/renderer/src/key-words.ts, as the analyst reads them in the demo-data banner.
const keychainUnavailableWords =
  'Your saved API key cannot be read: the system keychain is unavailable. It has not been deleted; Case Monitor will use it when the keychain is back — or enter it again.'
const unreadableWords =
  'Your saved API key cannot be read: the system keychain could not open it (the keychain changed, or the saved entry is damaged). It was kept on disk; enter the key again to replace it.'

// The update check reads the release feed on updates.veridox.ai, with no credential (originsGivenKey covers that).
const isVeridoxApi = (url: string): boolean =>
  /veridox\.ai$/i.test(new URL(url).hostname) && new URL(url).origin !== new URL(defaultUpdateFeedUrl).origin
const demoBanner = (page: Page) => page.getByRole('region', { name: 'You are looking at demo data.' })
const profileDirectory = (desktop: Desktop): string => join(desktop.home, '.config/Case Monitor')
const secretsPath = (desktop: Desktop): string => join(profileDirectory(desktop), 'secrets.json')
const settingsPath = (desktop: Desktop): string => join(profileDirectory(desktop), 'settings.json')

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Every request the main process sent with the key in a header, by origin. */
function originsGivenKey(app: DesktopApp, apiKey: string): string[] {
  return app
    .of('http-request')
    .filter((request) => request.headers.some((value) => value.includes(apiKey)))
    .map((request) => request.origin)
}

/** First launch on a machine with a working keychain: the key saved through Settings, then Quit from the tray. */
async function saveKeyAndQuit(desktop: Desktop, host: Simulator, apiKey = simulatorKey): Promise<Buffer> {
  const app = await desktop.launch({ keychain: 'available' })
  const page = await (await app.mainWindow()).loadedPage()
  await connectThroughSettings(page, host.baseUrl, apiKey)
  await expect.poll(() => existsSync(secretsPath(desktop)) && readFileSync(secretsPath(desktop), 'utf8')).toContain('encryptedCredentials')
  expect(await app.clickTray('Quit')).toBe(true)
  expect(await app.waitForExit()).toBe(0)
  return readFileSync(secretsPath(desktop))
}

/** The analyst watches a case of the key's host, as if the key still applied; then the app has time to send what it sends. */
async function watchAndWait(page: Page, caseId: string): Promise<void> {
  await page.getByLabel('Case IDs or dashboard links to watch').fill(caseId)
  await page.keyboard.press('Enter')
  await page.waitForTimeout(3_000)
}

async function quit(app: DesktopApp): Promise<void> {
  expect(await app.clickTray('Quit')).toBe(true)
  expect(await app.waitForExit()).toBe(0)
}

// Linux's basic_text fallback protects nothing (keychain-availability.ts): the product treats it as no keychain.
for (const keychain of ['unavailable', 'basic_text'] satisfies KeychainMode[]) {
  test(`keychain ${keychain} at launch: the window says the saved key cannot be read, and the entry stays on disk untouched`, async ({
    desktop,
  }) => {
    const host = await startHost()
    try {
      const saved = await saveKeyAndQuit(desktop, host)
      const requestsBefore = JSON.stringify(host.control.stats().requestsByRoute)

      const app = await desktop.launch({ keychain })
      const page = await (await app.mainWindow()).loadedPage()
      await expect(demoBanner(page)).toContainText(keychainUnavailableWords)
      await demoBanner(page).getByRole('button', { name: 'Enter key again' }).click()
      await expect(page.getByRole('dialog')).toContainText(keychainUnavailableWords)
      await expect(page.getByRole('dialog').getByRole('button', { name: 'Remove the saved key' })).toBeVisible()
      expect(readFileSync(secretsPath(desktop)).equals(saved)).toBe(true)
      expect(JSON.stringify(host.control.stats().requestsByRoute)).toBe(requestsBefore)
      await quit(app)
      expect(readFileSync(secretsPath(desktop)).equals(saved)).toBe(true)

      // Kept, not lost: with the keychain back, the same entry opens and the key is in use again.
      const back = await desktop.launch({ keychain: 'available' })
      const again = await (await back.mainWindow()).loadedPage()
      await expect(again.getByText('You are looking at demo data.')).toHaveCount(0)
      const { caseId } = host.control.createCase({ label: 'Keychain back claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
      await watchCase(again, caseId)
      await expect(again.locator(`[data-case-id="${caseId}"]`)).toContainText('Keychain back claim')
      expect(new Set(originsGivenKey(back, simulatorKey))).toEqual(new Set([new URL(host.baseUrl).origin]))
    } finally {
      await host.close()
    }
  })
}

test('a keychain that cannot open the saved key: the window says so and secrets.json is kept unchanged', async ({ desktop }) => {
  const host = await startHost()
  try {
    const saved = await saveKeyAndQuit(desktop, host)

    const app = await desktop.launch({ keychain: 'changed' })
    const page = await (await app.mainWindow()).loadedPage()
    await expect(demoBanner(page)).toContainText(unreadableWords)
    await demoBanner(page).getByRole('button', { name: 'Enter key again' }).click()
    await expect(page.getByRole('dialog')).toContainText(unreadableWords)
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Remove the saved key' })).toBeVisible()
    expect(readFileSync(secretsPath(desktop)).equals(saved)).toBe(true)
    await quit(app)
    expect(readFileSync(secretsPath(desktop)).equals(saved)).toBe(true)
  } finally {
    await host.close()
  }
})

test('damaged settings.json: the key stays with the host it was saved for and goes nowhere else', async ({ desktop }) => {
  const host = await startHost()
  try {
    const { caseId } = host.control.createCase({ label: 'Bound key claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    await saveKeyAndQuit(desktop, host)
    const requestsBefore = JSON.stringify(host.control.stats().requestsByRoute)
    writeFileSync(settingsPath(desktop), '{"region":')

    const app = await desktop.launch()
    const page = await (await app.mainWindow()).loadedPage()
    await watchAndWait(page, caseId)
    expect(app.of('http-request').length).toBeGreaterThan(0)
    expect(originsGivenKey(app, simulatorKey)).toEqual([])
    expect(app.of('http-request').filter((request) => isVeridoxApi(request.origin))).toEqual([])
    expect(app.of('net-fetch').length).toBeGreaterThan(0)
    expect(app.of('net-fetch').filter((fetched) => isVeridoxApi(fetched.url))).toEqual([])
    expect(app.of('net-fetch').filter((fetched) => new URL(fetched.url).origin === new URL(host.baseUrl).origin)).toEqual([])

    await expect(demoBanner(page)).toContainText(
      `Your API key is saved for ${new URL(host.baseUrl).host} and must be confirmed for api.uk.veridox.ai before Case Monitor uses it there.`,
    )
    await expect(demoBanner(page).getByRole('button', { name: 'Confirm key' })).toBeVisible()
    await expect(page.getByText('Live', { exact: true }).first()).toBeVisible()
    expect(JSON.stringify(host.control.stats().requestsByRoute)).toBe(requestsBefore)
  } finally {
    await host.close()
  }
})

test('settings.json edited to point at another host: the key is not sent there', async ({ desktop }) => {
  const host = await startHost()
  const decoy = await startHost({ apiKeys: ['vdx_decoy_host_key_3302'] })
  try {
    const { caseId } = host.control.createCase({ label: 'Bound key claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    await saveKeyAndQuit(desktop, host)
    const settings = JSON.parse(readFileSync(settingsPath(desktop), 'utf8')) as Record<string, unknown>
    writeFileSync(settingsPath(desktop), JSON.stringify({ ...settings, region: 'custom', customBaseUrl: decoy.baseUrl }))

    const app = await desktop.launch()
    const page = await (await app.mainWindow()).loadedPage()
    await watchAndWait(page, caseId)
    expect(app.of('http-request').length).toBeGreaterThan(0)
    expect(originsGivenKey(app, simulatorKey)).toEqual([])
    expect(app.of('http-request').filter((request) => request.origin === new URL(decoy.baseUrl).origin)).toEqual([])
    expect(decoy.control.stats().requestsByRoute).toEqual({})

    await expect(demoBanner(page)).toContainText(
      `Your API key is saved for ${new URL(host.baseUrl).host} and must be confirmed for ${new URL(decoy.baseUrl).host} before Case Monitor uses it there.`,
    )
    await expect(page.getByText('Live', { exact: true }).first()).toBeVisible()
    expect(decoy.control.stats().requestsByRoute).toEqual({})
  } finally {
    await decoy.close()
    await host.close()
  }
})

test('the key saved through the UI appears in no page, IPC message, log, settings or profile file', async ({ desktop }) => {
  const apiKey = 'vdx_keys_spec_secret_90417_zq'
  const host = await startHost({ apiKeys: [apiKey] })
  try {
    const { caseId } = host.control.createCase({ label: 'Secret key claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
    const app = await desktop.launch({ env: { CASE_MONITOR_LOG: 'debug' } })
    const page = await (await app.mainWindow()).loadedPage()
    await connectThroughSettings(page, host.baseUrl, apiKey)
    await watchCase(page, caseId)
    await expect(page.locator(`[data-case-id="${caseId}"]`).getByText('Live', { exact: true })).toBeVisible()
    await expect
      .poll(() => existsSync(secretsPath(desktop)) && readFileSync(secretsPath(desktop), 'utf8'))
      .toContain('encryptedCredentials')
    // A healthy run logs nothing; choosing another region and back logs what the app does with the key.
    await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Where your Veridox account lives').selectOption('uk')
    await expect(
      page.getByText(`Your saved key is for ${new URL(host.baseUrl).host}. Enter a key for api.uk.veridox.ai, or use the saved key there.`),
    ).toBeVisible()
    await page.getByLabel('Where your Veridox account lives').selectOption('custom')
    await page.getByLabel('Custom address').fill(host.baseUrl)
    await page.getByLabel('Custom address').press('Enter')
    await page.keyboard.press('Escape')
    await expect(page.getByText('You are looking at demo data.')).toHaveCount(0)
    await expect(page.locator(`[data-case-id="${caseId}"]`).getByText('Live', { exact: true })).toBeVisible()
    // The key is in use, and only with its own host.
    expect(new Set(originsGivenKey(app, apiKey))).toEqual(new Set([new URL(host.baseUrl).origin]))

    const expectNotInRenderer = async (shown: Page): Promise<void> => {
      expect(await shown.content()).not.toContain(apiKey)
      expect(
        await shown.locator('input, textarea').evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value)),
      ).not.toContain(apiKey)
      expect(JSON.stringify(app.of('webcontents-send'))).not.toContain(apiKey)
      // What the renderer's commands got back.
      expect(JSON.stringify(app.of('reply'))).not.toContain(apiKey)
    }
    await expectNotInRenderer(page)
    await page.reload()
    await expect(page.locator(`[data-case-id="${caseId}"]`)).toContainText('Secret key claim')
    await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByText('A key is saved')).toBeVisible()
    await expectNotInRenderer(page)
    await page.keyboard.press('Escape')

    await quit(app)
    const logFile = join(profileDirectory(desktop), 'logs/case-monitor.log')
    expect(readFileSync(logFile, 'utf8')).toContain('the saved API key is not bound to the chosen host')
    expect(app.output.length).toBeGreaterThan(0)
    expect(app.output.join('\n')).not.toContain(apiKey)
    const files = filesUnder(profileDirectory(desktop))
    expect(files).toEqual(expect.arrayContaining([logFile, settingsPath(desktop), secretsPath(desktop)]))
    expect(files.some((file) => file.includes('/profiles/'))).toBe(true)
    for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(apiKey)
    // Encrypted, not merely encoded.
    const stored = JSON.parse(readFileSync(secretsPath(desktop), 'utf8')) as { encryptedCredentials: string }
    expect(Buffer.from(stored.encryptedCredentials, 'base64').toString('latin1')).not.toContain(apiKey)
  } finally {
    await host.close()
  }
})
