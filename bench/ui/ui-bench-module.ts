import type { BenchModule } from '../bench-module'
import { fullEventToScreenOptions, quickEventToScreenOptions, runEventToScreenBenchmark } from './event-to-screen'
import { fullOptions, quickOptions, runUiBenchmark } from './ui-benchmark'

export const uiBenchmark: BenchModule = {
  name: 'ui',
  title: 'the built renderer in Chromium: typing in search and scrolling with 2,000 cases; simulator send → screen with 1,000',
  async run({ quick, log }) {
    const typing = await runUiBenchmark(quick ? quickOptions : fullOptions)
    log(`keystroke p95 ${typing.keystrokeP95Ms} ms, scroll frame p95 ${typing.scrollFrameP95Ms} ms`)
    const screen = await runEventToScreenBenchmark(quick ? quickEventToScreenOptions : fullEventToScreenOptions)
    log(`event → screen p99 ${screen.eventToScreenP99Ms} ms at ${screen.eventsArrivedPerSecond} events/s`)
    return { ...typing, ...screen }
  },
}
