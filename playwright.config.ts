import { defineConfig } from '@playwright/test'
import { quietChromiumArgs, systemChromium } from './e2e/fixtures/system-chromium'

// A system Chromium where there is one (CHROMIUM_PATH, Debian's, Chrome), else Playwright's own (docs/testing.md).
const chromiumPath = systemChromium()
const quietChromium = quietChromiumArgs

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.test-output/playwright',
  globalSetup: './e2e/fixtures/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright-results.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'renderer',
      testDir: 'e2e/renderer',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: quietChromium,
        },
      },
    },
    {
      // The built main process under the Electron stand-in; its windows are pages in Chromium loaded from file://, as Electron loads them.
      name: 'desktop',
      testDir: 'e2e/desktop',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [...quietChromium, '--allow-file-access-from-files'],
        },
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
})
