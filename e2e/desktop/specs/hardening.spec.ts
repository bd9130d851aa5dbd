import type { Frame, Page } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { commandChannel } from '../../../src/shared/ipc'
import { repoRoot } from '../harness/desktop-app'
import { expect, test } from '../harness/desktop-fixture'
import { connectThroughSettings, startHost, watchCase } from '../harness/desktop-steps'

const rendererFileUrl = pathToFileURL(resolve(repoRoot, 'out/renderer/index.html')).href

interface StandInPage {
  __standInInvoke(channel: string, args: unknown[]): Promise<{ value: unknown }>
  __standInPermission(permission: string): Promise<boolean>
}

/** What a script in that frame reaches when it calls ipcRenderer.invoke: main's handler, told the frame's URL. */
function invokeFrom(frame: Frame, channel: string, args: unknown[] = []): Promise<{ value: unknown }> {
  return frame.evaluate(([name, input]) => (window as unknown as StandInPage).__standInInvoke(name, input), [channel, args] as const)
}

function askPermissionFrom(frame: Frame, permission: string): Promise<boolean> {
  return frame.evaluate((name) => (window as unknown as StandInPage).__standInPermission(name), permission)
}

/** An iframe inside the app's page, as an injected or embedded document would be. */
async function addIframe(page: Page): Promise<Frame> {
  await page.evaluate(() => {
    const frame = document.createElement('iframe')
    frame.srcdoc = '<p>not the app</p>'
    document.body.append(frame)
    return new Promise((loaded) => frame.addEventListener('load', loaded, { once: true }))
  })
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame())
  if (!frame) throw new Error('the iframe did not attach')
  return frame
}

test('main refuses the bridge to any frame but the app’s own page', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await (await app.mainWindow()).loadedPage()
  await expect(page.locator('[data-case-id]')).toHaveCount(8)
  const frame = await addIframe(page)
  expect(frame.url()).not.toBe(page.url())

  const fromApp = await invokeFrom(page.mainFrame(), commandChannel('getSnapshot'))
  expect(fromApp.value).toMatchObject({ ok: true, value: { cases: expect.any(Array) } })
  const refusal = { ok: false, error: { code: 'invalid_input', message: 'This page may not talk to Case Monitor.' } }
  expect((await invokeFrom(frame, commandChannel('getSnapshot'))).value).toEqual(refusal)
  // A command that would change something is refused too, and changes nothing.
  const intruderCase = '0190c1f2-7a3b-7c4d-8e5f-0a1b2c3d4e5f'
  expect((await invokeFrom(frame, commandChannel('watchCases'), [{ caseIds: [intruderCase] }])).value).toEqual(refusal)
  expect((await invokeFrom(frame, commandChannel('clearApiKey'))).value).toEqual(refusal)
  await page.waitForTimeout(500)
  await expect(page.locator(`[data-case-id="${intruderCase}"]`)).toHaveCount(0)
  await expect(page.locator('[data-case-id]')).toHaveCount(8)
})

test('the page cannot navigate away; window.open is denied, and only Veridox links open in the browser', async ({ desktop }) => {
  const app = await desktop.launch()
  const window = await app.mainWindow()
  const page = await window.loadedPage()
  await expect(page.locator('[data-case-id]')).toHaveCount(8)

  await page.evaluate(() => {
    location.href = 'https://example.com/'
  })
  await app.until('the navigation to be refused', () => window.refusedNavigations.includes('https://example.com/'))
  await page.evaluate(() => {
    const link = document.createElement('a')
    link.href = 'https://example.com/phish'
    link.textContent = 'an injected link'
    document.body.append(link)
  })
  await page.getByText('an injected link').click()
  await app.until('the link to be refused', () => window.refusedNavigations.includes('https://example.com/phish'))
  expect(page.url()).toBe(rendererFileUrl)
  await expect(page.locator('[data-case-id]')).toHaveCount(8)

  const denied = ['https://example.com/popup', 'http://veridox.ai/', 'https://veridox.ai.example.com/', 'javascript:alert(1)']
  const veridox = ['https://docs.veridox.ai/api', 'https://veridox.ai/']
  for (const url of [...denied, ...veridox]) await page.evaluate((target) => void globalThis.open(target), url)
  await page.evaluate(() => {
    const link = document.createElement('a')
    link.href = 'https://app.veridox.ai/cases'
    link.target = '_blank'
    link.textContent = 'a Veridox link'
    document.body.append(link)
  })
  await page.getByText('a Veridox link').click()
  const expected = [...veridox, 'https://app.veridox.ai/cases']
  // main answers in order, so once the last one is opened every earlier one has been decided
  await app.until('the Veridox links to open', () => app.of('open-external').length >= expected.length)
  expect(window.openRequests).toEqual([...denied, ...veridox, 'https://app.veridox.ai/cases'])
  expect(window.allowedOpens).toEqual([])
  expect(app.of('open-external').map((opened) => opened.url)).toEqual(expected)
  expect(app.of('window-created')).toHaveLength(1)
  expect(page.context().pages()).toHaveLength(1)
  expect(page.url()).toBe(rendererFileUrl)
})

test('Copy case ID reaches the clipboard while every other permission is refused', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await (await app.mainWindow()).loadedPage()
  const first = page.locator('[data-case-id]').first()
  await expect(first).toBeVisible()
  const caseId = (await first.getAttribute('data-case-id'))!
  // By its ID: a demo case that completes meanwhile moves up, and "the first row" becomes another case.
  const row = page.locator(`[data-case-id="${caseId}"]`)
  await row.getByRole('button', { name: `Copy case ID ${caseId}` }).click()
  await expect(row.getByRole('status')).toHaveText('Copied')

  // Read from another page of the same Chromium: the app's own page may not read the clipboard.
  const blank = join(desktop.home, 'blank.html')
  writeFileSync(blank, '<!doctype html><title>reader</title>')
  const reader = await page.context().newPage()
  await reader.goto(pathToFileURL(blank).href)
  expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(caseId)
  await reader.close()

  // Chromium itself grants clipboard-read to this context: the refusal is main's permission handler.
  const readRefusal = await page.evaluate(() =>
    navigator.clipboard.readText().then(
      () => 'read',
      (error: Error) => error.message,
    ),
  )
  expect(readRefusal).toBe('The clipboard-read permission was refused.')
  for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'fullscreen', 'pointerLock']) {
    expect(await askPermissionFrom(page.mainFrame(), permission), permission).toBe(false)
  }
  expect(await askPermissionFrom(page.mainFrame(), 'clipboard-sanitized-write')).toBe(true)
  // Writing is for the app's own page only, not for a frame inside it.
  const frame = await addIframe(page)
  expect(await askPermissionFrom(frame, 'clipboard-sanitized-write')).toBe(false)
})

test('a packaged build loads its own files whatever ELECTRON_RENDERER_URL says, with no DevTools', async ({ desktop }) => {
  const packaged = await desktop.launch({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:9/evil' } })
  const window = await packaged.mainWindow()
  const page = await window.loadedPage()
  expect(packaged.of('window-load').map((load) => load.url)).toEqual([rendererFileUrl])
  expect(window.options.devTools).toBe(false)
  await expect(page.locator('[data-case-id]')).toHaveCount(8)
  expect(packaged.of('window-devtools')).toHaveLength(0)
  expect(await packaged.clickTray('Quit')).toBe(true)
  expect(await packaged.waitForExit()).toBe(0)

  // A development run follows the dev server and keeps DevTools.
  const development = await desktop.launch({ env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:9/evil' } })
  await development.until('the window to load something', () => development.of('window-load').length > 0)
  expect(development.of('window-load').map((load) => load.url)).toEqual(['http://127.0.0.1:9/evil'])
  expect(development.of('window-created')[0]?.options.devTools).toBe(true)
})

test('REST calls skip Chromium’s HTTP cache', async ({ desktop }) => {
  const host = await startHost()
  try {
    const { caseId } = host.control.createCase({ label: 'Cache claim', fileLabels: ['a.pdf'], fileDurationsMs: [1_500] })
    const app = await desktop.launch()
    const page = await (await app.mainWindow()).loadedPage()
    await expect(page.locator('[data-case-id]')).toHaveCount(8)
    await page.getByRole('button', { name: 'Start a demo case' }).click()
    await expect(page.locator('[data-case-id]')).toHaveCount(9)
    await connectThroughSettings(page, host.baseUrl)
    await watchCase(page, caseId)
    await expect(page.locator(`[data-case-id="${caseId}"]`)).toContainText('Cache claim')

    const fetches = app.of('net-fetch')
    const methods = new Set(fetches.map((call) => call.method))
    expect(methods).toContain('GET')
    expect(methods).toContain('POST')
    expect(fetches.some((call) => call.url.startsWith(host.baseUrl))).toBe(true)
    // Uploads go to the pre-signed blob URL, not the API; Chromium never stores a PUT's response (RFC 9111 §2).
    const [uploads, apiCalls] = [fetches.filter((call) => call.method === 'PUT'), fetches.filter((call) => call.method !== 'PUT')]
    expect(uploads.filter((call) => !new URL(call.url).pathname.startsWith('/__blob/'))).toEqual([])
    expect(apiCalls.length).toBeGreaterThan(10)
    expect(apiCalls.filter((call) => call.cache !== 'no-store')).toEqual([])
  } finally {
    await host.close()
  }
})

test('the AppUserModelId is the dev binary in a development run and the installer’s appId when packaged', async ({ desktop }) => {
  const development = await desktop.launch()
  await development.mainWindow()
  expect(development.appEvents().filter((name) => name.startsWith('app-user-model-id:'))).toEqual([`app-user-model-id:${process.execPath}`])
  expect(await development.clickTray('Quit')).toBe(true)
  expect(await development.waitForExit()).toBe(0)

  const packaged = await desktop.launch({ isPackaged: true })
  await packaged.mainWindow()
  expect(packaged.appEvents().filter((name) => name.startsWith('app-user-model-id:'))).toEqual([
    'app-user-model-id:ai.veridox.case-monitor',
  ])
})
