import { test as base } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DesktopApp, type LaunchOptions } from './desktop-app'

export interface Desktop {
  /** A home folder for this test: pass the same one to launch again on the same machine. */
  readonly home: string
  launch(options?: Partial<LaunchOptions>): Promise<DesktopApp>
}

/** Launches the built main process under the Electron stand-in; whatever is still running at the end is killed. */
export const test = base.extend<{ desktop: Desktop }>({
  desktop: async ({ browser }, use, testInfo) => {
    const home = mkdtempSync(join(tmpdir(), 'case-monitor-desktop-'))
    const launched: DesktopApp[] = []
    await use({
      home,
      async launch(options = {}) {
        const app = new DesktopApp(browser, { home, ...options })
        launched.push(app)
        return app
      },
    })
    for (const [index, app] of launched.entries()) {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach(`main-process-${index + 1}.log`, { body: app.output.join('\n'), contentType: 'text/plain' })
      }
      await app.kill()
    }
    rmSync(home, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
