import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { expect, test } from '../harness/desktop-fixture'
import { connectThroughSettings, startHost, watchCase } from '../harness/desktop-steps'

const logFileIn = (home: string): string => join(home, '.config/Case Monitor/logs/case-monitor.log')

// A machine whose loopback has no IPv4 address: nothing can listen on 127.0.0.1 (EADDRNOTAVAIL), so the
// built-in simulator a first launch follows cannot start. Done for real in a network namespace of its own.
function withoutIpv4Loopback(home: string): string | null {
  const isolate = ['unshare', ...(process.getuid?.() === 0 ? ['--net'] : ['--user', '--map-root-user', '--net'])]
  const takeAway = 'ip link set lo up && ip addr del 127.0.0.1/8 dev lo'
  try {
    execFileSync(isolate[0]!, [...isolate.slice(1), 'sh', '-c', takeAway], { stdio: 'ignore' })
  } catch {
    return null
  }
  const wrapper = join(home, 'node-without-ipv4-loopback.sh')
  writeFileSync(wrapper, `#!/bin/sh\nexec ${isolate.join(' ')} sh -c '${takeAway} && exec "$0" "$@"' "${process.execPath}" "$@"\n`)
  chmodSync(wrapper, 0o755)
  return wrapper
}

async function closedLoopbackPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

test('a failed start shows an error box, logs the reason and exits 1', async ({ desktop }) => {
  const execPath = withoutIpv4Loopback(desktop.home)
  test.skip(execPath === null, 'needs `unshare --net` (root or user namespaces) and `ip` to take 127.0.0.1 away')
  const app = await desktop.launch({ execPath: execPath! })
  expect(await app.waitForExit()).toBe(1)
  const [box, ...more] = app.of('dialog')
  expect(more).toHaveLength(0)
  expect(box).toMatchObject({ type: 'error-box', title: 'Case Monitor could not start' })
  expect(box!.content).toMatch(/EADDRNOTAVAIL/)
  expect(box!.content).toContain(join(desktop.home, '.config/Case Monitor/logs'))
  const logText = readFileSync(logFileIn(desktop.home), 'utf8')
  expect(logText).toMatch(/error Case Monitor could not start .*EADDRNOTAVAIL/)
})

test('a crashed page is reloaded with the watch list intact, and the log says the page stopped', async ({ desktop }) => {
  const host = await startHost({ analysisMs: 120_000 })
  try {
    const { caseId } = host.control.createCase({ label: 'Crash claim 5120', fileLabels: ['a.pdf'], fileDurationsMs: [120_000] })
    const app = await desktop.launch()
    const window = await app.mainWindow()
    const page = await window.loadedPage()
    await connectThroughSettings(page, host.baseUrl)
    await watchCase(page, caseId)

    const cdp = await page.context().newCDPSession(page)
    void cdp.send('Page.crash').catch(() => undefined)
    await app.until('main to reload the crashed page', () => app.of('window-reload').length === 1)
    const reloaded = await window.loadedPage()
    expect(reloaded).not.toBe(page)
    await expect(reloaded.locator(`[data-case-id="${caseId}"]`)).toContainText('Crash claim 5120')
    await expect(reloaded.getByText('You are looking at demo data.')).toHaveCount(0)
    expect(readFileSync(logFileIn(desktop.home), 'utf8')).toMatch(/error The window’s page stopped .*crashed/)
    expect(app.of('dialog')).toHaveLength(0)
    expect(app.exitCode).toBeUndefined()
  } finally {
    await host.close()
  }
})

test('a page that cannot load shows the window and an error box, not only a tray icon', async ({ desktop }) => {
  // A development run whose dev server is not running.
  const devServerUrl = `http://127.0.0.1:${await closedLoopbackPort()}/`
  const app = await desktop.launch({ env: { ELECTRON_RENDERER_URL: devServerUrl } })
  const box = await app.until('an error box', () => app.of('dialog')[0])
  expect(box).toMatchObject({ type: 'error-box', title: 'Case Monitor cannot show its window' })
  expect(box.content).toMatch(/ERR_CONNECTION_REFUSED/)
  const window = app.anyWindow()!
  await app.until('the window to show', () => window.isVisible)
  expect(app.of('window-load').map((load) => load.url)).toEqual([devServerUrl])
  const logText = readFileSync(logFileIn(desktop.home), 'utf8')
  expect(logText).toMatch(/error The window could not load .*ERR_CONNECTION_REFUSED/)
  // did-fail-load is the one report of it: loadURL's rejection is the same failure, not an unexpected one.
  expect(logText).not.toMatch(/Unhandled promise rejection/)
  expect(app.exitCode).toBeUndefined()
})
