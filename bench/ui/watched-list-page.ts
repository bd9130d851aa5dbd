import { chromium, type Page } from '@playwright/test'
import { resolve } from 'node:path'
import { buildPageBridge, pageBridgePath } from '../../e2e/fixtures/global-setup'
import { wireAppToPage } from '../../e2e/fixtures/page-app'
import { serveDirectory } from '../../e2e/fixtures/static-server'
import { quietChromiumArgs, systemChromium } from '../../e2e/fixtures/system-chromium'
import type { EventSink } from '../../src/core/app/delta-batcher'
import type { CaseMonitorApp } from '../../src/core/app/case-monitor-app'
import { startSimulatorProcess, type SentProgress, type SimulatorProcess, type SimulatorProcessSpec } from './simulator-process'

const root = resolve(__dirname, '../..')

export interface WatchedListPage {
  page: Page
  app: CaseMonitorApp
  simulator: SimulatorProcess
  browser: Awaited<ReturnType<typeof chromium.launch>>
  /** What the core logged. */
  logLines: string[]
}

/**
 * The built renderer (`npm run build` first) in a system Chromium at 1280×800 with software rendering, wired to the
 * real core in this process, as the Playwright specs are, on the real simulator in a process of its own, with its
 * load cases and `spec.cases` watched and listed. `onSend` sees every event pushed to the window; `onSent`, the
 * progress the load cases' streams send.
 */
export async function withWatchedListPage<T>(
  options: { spec: SimulatorProcessSpec; onSend?: EventSink; onSent?: (records: SentProgress[]) => void },
  body: (context: WatchedListPage) => Promise<T>,
): Promise<T> {
  await buildPageBridge()
  const server = await serveDirectory(resolve(root, 'out/renderer'))
  const simulator = await startSimulatorProcess(options.spec, options.onSent ?? (() => undefined))
  const browser = await chromium.launch({ executablePath: systemChromium(), args: quietChromiumArgs })
  try {
    const caseIds = [...simulator.loadCaseIds, ...simulator.caseIds]
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const { app, logLines } = await wireAppToPage(page, simulator, pageBridgePath, options.onSend)
    try {
      for (let start = 0; start < caseIds.length; start += 1_000)
        await app.handlers.watchCases({ caseIds: caseIds.slice(start, start + 1_000) })
      await page.goto(server.url)
      await page
        .getByRole('button', { name: /^All/ })
        .filter({ hasText: String(caseIds.length) })
        .waitFor({ timeout: 60_000 })
      await page.locator('[data-case-id]').first().waitFor()
      return await body({ page, app, simulator, browser, logLines })
    } finally {
      await app.dispose()
    }
  } finally {
    await browser.close()
    await simulator.close()
    await server.close()
  }
}
