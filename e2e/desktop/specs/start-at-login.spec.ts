import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../harness/desktop-fixture'
import { repoRoot } from '../harness/desktop-app'
import { startSessionBus } from '../harness/session-bus'

const switchName = /Start Case Monitor when you log in/

test('on Linux, start at login writes an XDG autostart entry that starts Case Monitor hidden; switching it off removes it', async ({
  desktop,
}) => {
  const entry = join(desktop.home, '.config/autostart/ai.veridox.case-monitor.desktop')
  const app = await desktop.launch()
  const page = await (await app.mainWindow()).loadedPage()
  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  const toggle = page.getByRole('switch', { name: switchName })
  await expect(toggle).not.toBeChecked()
  expect(existsSync(entry)).toBe(false)

  // As an analyst does it: a click on the switch's words.
  const label = page.getByText(switchName)
  await label.click()
  await expect(toggle).toBeChecked()
  // The switch moves at the click; the entry is written before main answers.
  await expect.poll(() => existsSync(entry)).toBe(true)
  const text = readFileSync(entry, 'utf8')
  expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/)
  // A development run: the runtime (here the stand-in's Node) with the app folder, then --hidden.
  expect(text).toContain(`\nExec=${process.execPath} ${repoRoot} --hidden\n`)
  expect(JSON.parse(readFileSync(join(desktop.home, '.config/Case Monitor/settings.json'), 'utf8'))).toMatchObject({ startAtLogin: true })
  // Electron has no login items on Linux: nothing was asked of app.setLoginItemSettings.
  expect(app.appEvents().filter((name) => name.startsWith('login-item:'))).toEqual([])

  await label.click()
  await expect(toggle).not.toBeChecked()
  await expect.poll(() => existsSync(entry)).toBe(false)
})

test('started with --hidden, the app watches its cases from the tray and shows no window until asked', async ({ desktop }) => {
  const app = await desktop.launch({ args: ['--hidden'] })
  const window = await app.mainWindow()
  const page = await window.loadedPage()
  // Watching: the demo cases arrive and keep moving while nothing is on screen.
  await expect(page.locator('[data-case-id]')).toHaveCount(8)
  const before = app.of('webcontents-send').length
  await app.until('progress while hidden', () => app.of('webcontents-send').length > before + 3, 20_000)
  expect(app.of('window-state').some((state) => state.isVisible)).toBe(false)
  expect(app.tray()).toMatchObject({ isDestroyed: false })

  expect(await app.clickTray('Show Case Monitor')).toBe(true)
  await app.until('the window to show', () => window.isVisible && window.isFocused)
})

test('started with --hidden where the desktop has no tray, the window starts minimised in the taskbar', async ({ desktop }) => {
  const bus = await startSessionBus()
  try {
    const app = await desktop.launch({ args: ['--hidden'], session: { currentDesktop: 'GNOME', busAddress: bus.address } })
    const window = await app.mainWindow()
    const page = await window.loadedPage()
    await expect(page.locator('[data-case-id]')).toHaveCount(8)
    await app.until('the window to be minimised', () => window.isVisible && window.isMinimized)
    expect(window.isFocused).toBe(false)
    expect(app.of('window-state').some((state) => state.isVisible && !state.isMinimized)).toBe(false)
  } finally {
    await bus.close()
  }
})

test('a login session starting Case Monitor again while it runs leaves its hidden window in the tray', async ({ desktop }) => {
  const first = await desktop.launch()
  const window = await first.mainWindow()
  await first.until('the window to show', () => window.isVisible)
  window.close()
  await first.until('the window to hide', () => !window.isVisible)
  const second = await desktop.launch({ args: ['--hidden'] })
  expect(await second.waitForExit()).toBe(0)
  await first.until('the hand-over to arrive', () => first.appEvents().includes('second-instance:heard'))
  // Give a reveal the time it would take: the hand-over is answered at once when it is answered.
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect(window.isVisible).toBe(false)
})
