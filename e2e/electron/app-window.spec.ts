import { expect, test } from '@playwright/test'
import { electronMissing, electronMissingReason, launchElectron, newUserData } from './electron-app'

// Electron downloads its binary from GitHub on first use. Where that cannot happen, these specs say so
// instead of failing; every other layer is still tested (core, CLI, renderer in Chromium, the desktop stand-in).
test.skip(electronMissing, electronMissingReason)

test('the real window opens on the simulator with a locked-down bridge', async () => {
  const app = await launchElectron(newUserData())
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle(/Case Monitor/)
    await expect(window.getByText(/simulator/i).first()).toBeVisible()
    const exposed = await window.evaluate(() => ({
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
      bridgeKeys: Object.keys((window as unknown as { caseMonitor: object }).caseMonitor).sort(),
    }))
    expect(exposed).toEqual({ hasRequire: false, hasProcess: false, bridgeKeys: ['commands', 'on'] })
    // The bridge is a frozen copy made by contextBridge: the page cannot replace what main receives.
    const isFrozen = await window.evaluate(() => Object.isFrozen((window as unknown as { caseMonitor: object }).caseMonitor))
    expect(isFrozen).toBe(true)
  } finally {
    await app.close()
  }
})
