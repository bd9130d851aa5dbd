import type { Page } from '@playwright/test'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { CaseView } from '../../src/shared/case-view'
import { percentile } from './ui-benchmark'
import { withWatchedListPage } from './watched-list-page'

export interface EventToScreenOptions {
  /** Cases watched and listed. */
  cases: number
  /** Events a second the streamed cases send together (the monitor streams at most 10 cases: Veridox's limit). */
  eventsPerSecond: number
  /** How long events are timed. */
  measureMs: number
  /** How long the fast cases take: each shows a new percentage every hundredth of it. */
  analysisMs: number
}

export interface EventToScreenFigures {
  eventToScreenP50Ms: number
  eventToScreenP95Ms: number
  eventToScreenP99Ms: number
  /** The core's share: simulator send → the batched `casesChanged` that carries the value leaves for the window. */
  eventToWindowP50Ms: number
  eventToWindowP99Ms: number
  /** …→ the page's bridge receives it (the harness carries IPC over the DevTools protocol). */
  eventToPageP50Ms: number
  eventToPageP99Ms: number
  /** Changes on screen timed: a new progress value of a streamed case, from the event that carried it. */
  eventToScreenSamples: number
  /** Changes sent but never shown before the end (one a later value overtook on screen counts as shown then). */
  eventToScreenUnshown: number
  /** Events that arrived on the monitor's streams per second while timing. */
  eventsArrivedPerSecond: number
  streamedCasesTimed: number
  /** The core's process: how late its event loop ran while timing (p99 and worst). */
  coreLoopDelayP99Ms: number
  coreLoopDelayMaxMs: number
  /** Streams the monitor opened while timing (reconnections replay what they missed) */
  streamsOpenedWhileTiming: number
  /** Every event the simulator wrote to a stream per second, replays included. */
  eventsSentPerSecond: number
  listAndGetRequestsWhileTiming: number
  listedCases: number
}

export const fullEventToScreenOptions: EventToScreenOptions = {
  cases: 1_000,
  eventsPerSecond: 2_000,
  measureMs: 30_000,
  analysisMs: 150_000,
}
export const quickEventToScreenOptions: EventToScreenOptions = { cases: 100, eventsPerSecond: 500, measureMs: 3_000, analysisMs: 40_000 }

// Eleven fast cases fill the window (1280×800) and the monitor streams ten of them, Veridox's limit per key; the
// simulator's rate is set so that the ten streamed ones send `eventsPerSecond` between them.
const streamSlots = 10
const fastCount = 11
// Sorted by name these follow "Load case 001…011", so the fast cases are the ones on screen.
const otherKinds = ['Mortgage application', 'Motor claim', 'Rental guarantor', 'Travel claim', 'Vendor onboarding', 'Payroll check']

// `performance` is the global one on both sides: an import would be rewritten by the bundler inside page functions.

/** Page side: each time a row's progress changes, the value and when the frame showing it was painted (epoch ms). */
function recordShownProgress(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as {
      shown: [string, number, number][]
      delivered: [string, number, number][]
      __caseMonitorDeliver: (event: string, payload: unknown) => void
    }
    w.shown = []
    w.delivered = []
    const deliver = w.__caseMonitorDeliver
    w.__caseMonitorDeliver = (event, payload) => {
      const at = performance.timeOrigin + performance.now()
      if (event === 'casesChanged')
        for (const view of payload as { caseId: string; progress: number | null }[])
          if (view.progress !== null) w.delivered.push([view.caseId, view.progress, at])
      deliver(event, payload)
    }
    const last = new Map<string, number>()
    let isScheduled = false
    const read = (): void => {
      isScheduled = false
      const frame: [string, number][] = []
      for (const row of document.querySelectorAll<HTMLElement>('[data-case-id]')) {
        const value = Number(row.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? Number.NaN)
        const caseId = row.dataset.caseId ?? ''
        if (Number.isFinite(value) && last.get(caseId) !== value) frame.push([caseId, value])
        if (Number.isFinite(value)) last.set(caseId, value)
      }
      if (frame.length === 0) return
      // The message after this frame lands once it is painted.
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        const at = performance.timeOrigin + performance.now()
        for (const [caseId, value] of frame) w.shown.push([caseId, value, at])
      }
      channel.port2.postMessage(null)
    }
    new MutationObserver(() => {
      if (isScheduled) return
      isScheduled = true
      requestAnimationFrame(read)
    }).observe(document.querySelector('[role="list"][aria-label="Watched cases"]') ?? document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    })
  })
}

/**
 * Simulator send → screen: 10 fast cases (one file each, so the row's percentage is the event's) stream
 * `eventsPerSecond` between them beside `cases − 10` slow ones, all listed in the built renderer in Chromium. Each
 * new progress value a stream sends is timed from the simulator writing it to the frame that shows it painted.
 */
export async function runEventToScreenBenchmark(options: EventToScreenOptions): Promise<EventToScreenFigures> {
  const fastCases = new Set<string>()
  let isTiming = false
  let timingStartedAt = Number.POSITIVE_INFINITY
  let arrived = 0
  const lastSent = new Map<string, number>()
  const sent: { caseId: string; value: number; at: number }[] = []
  const pushed = new Map<string, [number, number][]>()
  return withWatchedListPage(
    {
      spec: {
        options: {
          heartbeatMs: 1_000,
          retryMs: 500,
          demoCases: 0,
          seed: 7,
          load: {
            cases: fastCount,
            eventsPerSecond: Math.round((options.eventsPerSecond * fastCount) / streamSlots),
            durationMs: options.analysisMs,
            filesPerCase: 1,
          },
        },
        cases: Array.from({ length: options.cases - fastCount }, (_, index) => {
          const durationMs = 300_000 + ((index * 7919) % 600_000)
          return {
            label: `${otherKinds[index % otherKinds.length]} CLM-${String(index).padStart(5, '0')}`,
            fileLabels: ['id.pdf', 'statement.pdf'],
            fileDurationsMs: [durationMs, durationMs / 2],
          }
        }),
      },
      onSent: (records) => {
        for (const [caseId, value, at] of records) {
          if (isTiming) arrived++
          if (value <= (lastSent.get(caseId) ?? -1)) continue
          lastSent.set(caseId, value)
          // Only values new to the stream and sent once timing began: records come over IPC up to 20 ms late.
          if (isTiming && at >= timingStartedAt) sent.push({ caseId, value, at })
        }
      },
      onSend: (event, payload) => {
        if (event !== 'casesChanged') return
        const at = performance.timeOrigin + performance.now()
        for (const view of payload as CaseView[])
          if (fastCases.has(view.caseId) && view.progress !== null)
            pushed.set(view.caseId, [...(pushed.get(view.caseId) ?? []), [view.progress, at]])
      },
    },
    async ({ page, simulator }) => {
      for (const caseId of simulator.loadCaseIds) fastCases.add(caseId)
      await page.getByLabel('Sort').selectOption('name')
      // Ten fast cases on screen show a percentage: their streams are open.
      await page
        .waitForFunction(
          ({ ids, slots }) =>
            ids.filter((id) => document.querySelector(`[data-case-id="${id}"] [role="progressbar"][aria-valuenow]`)).length >= slots,
          { ids: [...fastCases], slots: streamSlots },
          { timeout: 30_000 },
        )
        .catch(async (error: unknown) => {
          await page.screenshot({ path: '/tmp/e2s-timeout.png' })
          throw error
        })
      await recordShownProgress(page)
      const statsBefore = await simulator.stats()
      // How late this process's event loop runs (the core's, and the harness's page deliveries): a stall delays every event.
      const loopDelay = monitorEventLoopDelay({ resolution: 10 })
      loopDelay.enable()
      isTiming = true
      timingStartedAt = performance.timeOrigin + performance.now()
      const startedAt = performance.now()
      await page.waitForTimeout(options.measureMs)
      isTiming = false
      loopDelay.disable()
      const statsAfter = await simulator.stats()
      const elapsedS = (performance.now() - startedAt) / 1000
      await page.waitForTimeout(1_000)
      const { shown, delivered } = await page.evaluate(() => {
        const w = window as unknown as { shown: [string, number, number][]; delivered: [string, number, number][] }
        return { shown: w.shown, delivered: w.delivered }
      })
      const deliveredByCase = new Map<string, [number, number][]>()
      for (const [caseId, value, at] of delivered) deliveredByCase.set(caseId, [...(deliveredByCase.get(caseId) ?? []), [value, at]])
      const deliveryLatencies: number[] = []
      const shownByCase = new Map<string, [number, number][]>()
      for (const [caseId, value, at] of shown) shownByCase.set(caseId, [...(shownByCase.get(caseId) ?? []), [value, at]])
      const latencies: number[] = []
      const coreLatencies: number[] = []
      let unshown = 0
      const timedCases = new Set<string>()
      for (const event of sent) {
        const seen = shownByCase.get(event.caseId)?.find(([value, at]) => value >= event.value && at >= event.at)
        if (!seen) {
          unshown++
          continue
        }
        timedCases.add(event.caseId)
        latencies.push(seen[1] - event.at)
        const left = pushed.get(event.caseId)?.find(([value, at]) => value >= event.value && at >= event.at)
        if (left) coreLatencies.push(left[1] - event.at)
        const inPage = deliveredByCase.get(event.caseId)?.find(([value, at]) => value >= event.value && at >= event.at)
        if (inPage) deliveryLatencies.push(inPage[1] - event.at)
      }
      return {
        eventToScreenP50Ms: percentile(latencies, 50),
        eventToScreenP95Ms: percentile(latencies, 95),
        eventToScreenP99Ms: percentile(latencies, 99),
        eventToWindowP50Ms: percentile(coreLatencies, 50),
        eventToWindowP99Ms: percentile(coreLatencies, 99),
        eventToPageP50Ms: percentile(deliveryLatencies, 50),
        eventToPageP99Ms: percentile(deliveryLatencies, 99),
        eventToScreenSamples: latencies.length,
        eventToScreenUnshown: unshown,
        eventsArrivedPerSecond: Math.round(arrived / elapsedS),
        streamedCasesTimed: timedCases.size,
        coreLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10,
        coreLoopDelayMaxMs: Math.round(loopDelay.max / 1e5) / 10,
        streamsOpenedWhileTiming: statsAfter.streamsOpened - statsBefore.streamsOpened,
        eventsSentPerSecond: Math.round((statsAfter.eventsSent - statsBefore.eventsSent) / elapsedS),
        listAndGetRequestsWhileTiming:
          (statsAfter.requestsByRoute.list ?? 0) +
          (statsAfter.requestsByRoute.get ?? 0) -
          (statsBefore.requestsByRoute.list ?? 0) -
          (statsBefore.requestsByRoute.get ?? 0),
        listedCases: options.cases,
      }
    },
  )
}
