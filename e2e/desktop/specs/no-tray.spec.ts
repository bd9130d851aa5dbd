import { expect, test } from '../harness/desktop-fixture'
import { startSessionBus, type SessionBus } from '../harness/session-bus'
import type { DesktopApp } from '../harness/desktop-app'

// Stock GNOME: the desktop is named GNOME and nothing on the session bus hosts tray icons.
let bus: SessionBus
test.beforeEach(async () => {
  bus = await startSessionBus()
})
test.afterEach(async () => {
  await bus.close()
})

const explained = 'Your desktop has no tray'
const explanations = (app: DesktopApp): number =>
  app.of('webcontents-send').filter((message) => message.channel === 'case-monitor:event:closedWithoutTray').length

test('on GNOME without a tray, closing minimises and keeps watching, the window says why once, and its Quit ends the app', async ({
  desktop,
}) => {
  const app = await desktop.launch({ session: { currentDesktop: 'GNOME', busAddress: bus.address } })
  const window = await app.mainWindow()
  const page = await window.loadedPage()
  await app.until('the window to show', () => window.isVisible)
  await expect(page.getByText(explained)).toHaveCount(0)

  window.close()
  await app.until('the window to minimise', () => window.isMinimized)
  expect(window.isVisible).toBe(true)
  expect(window.isDestroyed).toBe(false)
  expect(app.exitCode).toBeUndefined()
  const before = app.of('webcontents-send').length
  await app.until('progress while minimised', () => app.of('webcontents-send').length > before + 3, 20_000)

  window.restore()
  await expect(page.getByRole('status').getByText(explained)).toBeVisible()
  await page.getByRole('button', { name: 'Got it' }).click()
  await expect(page.getByText(explained)).toHaveCount(0)
  window.close()
  await app.until('the window to minimise again', () => window.isMinimized)
  expect(explanations(app)).toBe(1)

  await page.getByRole('button', { name: 'Quit Case Monitor' }).click()
  expect(await app.waitForExit()).toBe(0)
})

test('without a tray the explanation is not given again after a restart, and Ctrl+Q quits', async ({ desktop }) => {
  const session = { currentDesktop: 'GNOME', busAddress: bus.address }
  const first = await desktop.launch({ session })
  const firstWindow = await first.mainWindow()
  await first.until('the window to show', () => firstWindow.isVisible)
  firstWindow.close()
  await first.until('the explanation', () => explanations(first) === 1)
  await (await firstWindow.loadedPage()).keyboard.press('Control+q')
  expect(await first.waitForExit()).toBe(0)

  const second = await desktop.launch({ session })
  const window = await second.mainWindow()
  const page = await window.loadedPage()
  await second.until('the window to show', () => window.isVisible)
  window.close()
  await second.until('the window to minimise', () => window.isMinimized)
  window.restore()
  await expect(page.locator('[data-case-id]').first()).toBeVisible()
  expect(explanations(second)).toBe(0)
  await expect(page.getByText(explained)).toHaveCount(0)
  await page.keyboard.press('Control+q')
  expect(await second.waitForExit()).toBe(0)
})

test('a desktop that hosts tray icons keeps the tray behaviour: closing hides the window and explains nothing', async ({ desktop }) => {
  // XFCE's panel shows the older (XEmbed) tray icons Chromium falls back to when no watcher runs.
  const app = await desktop.launch({ session: { currentDesktop: 'XFCE', busAddress: bus.address } })
  const window = await app.mainWindow()
  const page = await window.loadedPage()
  await app.until('the window to show', () => window.isVisible)
  await expect(page.getByRole('button', { name: 'Quit Case Monitor' })).toHaveCount(0)
  window.close()
  await app.until('the window to hide', () => !window.isVisible)
  expect(window.isMinimized).toBe(false)
  expect(explanations(app)).toBe(0)
})
