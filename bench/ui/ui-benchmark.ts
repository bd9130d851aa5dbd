import type { Page } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { withWatchedListPage } from './watched-list-page'

export interface UiBenchOptions {
  /** Watched cases. */
  cases: number
  /** Queries typed into the search box, one keystroke at a time. */
  queries: string[]
  /** Milliseconds between keystrokes: about 8 characters a second, a quick typist. */
  keystrokeGapMs: number
  /** Mouse-wheel scrolling time. */
  scrollMs: number
  /** Where to write a Chrome CPU profile of the measured part (open it in DevTools' Performance panel). */
  profilePath?: string
  /** Where to write a Chrome trace of the typing (layout, style, paint and script, per frame). */
  tracePath?: string
}

export interface UiBenchFigures {
  cases: number
  keystrokeP50Ms: number
  keystrokeP95Ms: number
  keystrokeP99Ms: number
  keystrokeSamples: number
  scrollFrameP50Ms: number
  scrollFrameP95Ms: number
  scrollFrameP99Ms: number
  scrollFrameSamples: number
  /** Case updates pushed to the window per second while measuring: the updates streaming in. */
  caseUpdatesPerSecond: number
  /** Share of the scrolling time the page's main thread spent in tasks over 50 ms: low means the frames waited for CPU, not for the page. */
  scrollLongTaskShare: number
}

export const fullOptions: UiBenchOptions = {
  cases: 2_000,
  // Ten realistic queries, about 65 keystrokes: enough samples that the p95 is not just the second-worst key.
  queries: ['mortgage', 'claim 01', 'okafor', '7455', 'haddad', 'motor claim', 'kyc', 'clm-0042', 'travel', 'nowak'],
  keystrokeGapMs: 120,
  scrollMs: 6_000,
}

export const quickOptions: UiBenchOptions = { cases: 200, queries: ['claim'], keystrokeGapMs: 120, scrollMs: 1_000 }

const kinds = ['Mortgage application', 'Motor claim', 'KYC refresh', 'Rental guarantor', 'Travel claim', 'Vendor onboarding']
const people = ['J. Okafor', 'M. Haddad', 'R. Castellanos', 'A. Nowak', 'Harlow Logistics', 'Kestrel Foods']

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return Math.round(sorted[index]! * 10) / 10
}

/** Page-side recorders: keydown → the frame after the list re-rendered, and rAF deltas. */
function installRecorders(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as {
      keyLatencies: number[]
      frameDeltas: number[] | null
      longTasks: { start: number; duration: number }[]
    }
    w.keyLatencies = []
    w.frameDeltas = null
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask' })
    const search = document.querySelector<HTMLInputElement>('#case-search')!
    search.addEventListener(
      'keydown',
      (event) => {
        // Typed characters only: the Escape that clears the box between queries is not typing.
        if (event.key.length !== 1) return
        const start = event.timeStamp
        // Vue renders the filtered list before the next frame; the message after that frame lands once it is painted.
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => w.keyLatencies.push(performance.now() - start)
          channel.port2.postMessage(null)
        })
      },
      { capture: true },
    )
  })
}

async function typeQueries(page: Page, options: UiBenchOptions): Promise<number[]> {
  const search = page.locator('#case-search')
  for (const query of options.queries) {
    await search.click()
    await page.keyboard.type(query, { delay: options.keystrokeGapMs })
    await page.waitForTimeout(300)
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
  }
  return page.evaluate(() => (window as unknown as { keyLatencies: number[] }).keyLatencies)
}

async function scrollFrames(page: Page, options: UiBenchOptions): Promise<{ deltas: number[]; longTaskShare: number }> {
  await page.locator('[role="list"][aria-label="Watched cases"]').hover()
  const startedAt = await page.evaluate(() => performance.now())
  await page.evaluate(() => {
    const w = window as unknown as { frameDeltas: number[] | null }
    const deltas: number[] = []
    w.frameDeltas = deltas
    let last = performance.now()
    const tick = (now: number): void => {
      deltas.push(now - last)
      last = now
      if (w.frameDeltas === deltas) requestAnimationFrame(tick)
    }
    requestAnimationFrame((now) => {
      last = now
      requestAnimationFrame(tick)
    })
  })
  const end = Date.now() + options.scrollMs
  let direction = 1
  while (Date.now() < end) {
    for (let step = 0; step < 20 && Date.now() < end; step++) {
      await page.mouse.wheel(0, 120 * direction)
      await page.waitForTimeout(16)
    }
    direction = -direction
  }
  return page.evaluate((since) => {
    const w = window as unknown as { frameDeltas: number[] | null; longTasks: { start: number; duration: number }[] }
    const deltas = w.frameDeltas ?? []
    w.frameDeltas = null
    const busy = w.longTasks.filter((task) => task.start >= since).reduce((sum, task) => sum + task.duration, 0)
    return { deltas, longTaskShare: Math.round((busy / (performance.now() - since)) * 100) / 100 }
  }, startedAt)
}

/**
 * The built renderer in a system Chromium (software rendering), wired to the real core on the simulator, with
 * `cases` watched cases analysing (their progress streams in and the sweeps refresh the rest) while a query is
 * typed into the search box and the list is scrolled with the mouse wheel. Needs `npm run build` first.
 */
export async function runUiBenchmark(options: UiBenchOptions = fullOptions): Promise<UiBenchFigures> {
  let caseUpdates = 0
  return withWatchedListPage(
    {
      spec: {
        options: { heartbeatMs: 1_000, retryMs: 500, demoCases: 0, seed: 5 },
        cases: Array.from({ length: options.cases }, (_, index) => {
          // Long analyses (2–12 minutes) so every case is still running, and progressing, while the figures are taken.
          const durationMs = 120_000 + ((index * 7919) % 600_000)
          return {
            label: `${kinds[index % kinds.length]} CLM-${String(index).padStart(5, '0')} — ${people[index % people.length]}`,
            fileLabels: ['id.pdf', 'payslip.pdf', 'statement.pdf'],
            fileDurationsMs: [durationMs, durationMs / 2, durationMs / 3],
          }
        }),
      },
      onSend: (event, payload) => {
        if (event === 'casesChanged') caseUpdates += (payload as unknown[]).length
      },
    },
    async ({ page, browser }) => {
      await page.waitForTimeout(2_000)
      await installRecorders(page)
      const profiler = options.profilePath ? await page.context().newCDPSession(page) : null
      await profiler?.send('Profiler.enable')
      await profiler?.send('Profiler.start')
      const updatesBefore = caseUpdates
      const startedAt = Date.now()
      if (options.tracePath)
        await browser.startTracing(page, { path: options.tracePath, categories: ['devtools.timeline', 'blink', 'v8.execute'] })
      const keystrokes = await typeQueries(page, options)
      if (options.tracePath) await browser.stopTracing()
      const { deltas: frames, longTaskShare } = await scrollFrames(page, options)
      if (profiler && options.profilePath) {
        const { profile } = await profiler.send('Profiler.stop')
        writeFileSync(options.profilePath, JSON.stringify(profile))
      }
      const caseUpdatesPerSecond = Math.round(((caseUpdates - updatesBefore) / (Date.now() - startedAt)) * 1000)
      return {
        cases: options.cases,
        keystrokeP50Ms: percentile(keystrokes, 50),
        keystrokeP95Ms: percentile(keystrokes, 95),
        keystrokeP99Ms: percentile(keystrokes, 99),
        keystrokeSamples: keystrokes.length,
        scrollFrameP50Ms: percentile(frames, 50),
        scrollFrameP95Ms: percentile(frames, 95),
        scrollFrameP99Ms: percentile(frames, 99),
        scrollFrameSamples: frames.length,
        caseUpdatesPerSecond,
        scrollLongTaskShare: longTaskShare,
      }
    },
  )
}

// bench/ui/run.mjs bundles this module alone: the simulator's child process loads the bundle to start it.
export { runSimulatorChild } from './simulator-process'
