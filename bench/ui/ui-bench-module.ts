import type { BenchModule } from '../bench-module'
import { fullOptions, quickOptions, runUiBenchmark } from './ui-benchmark'

export const uiBenchmark: BenchModule = {
  name: 'ui',
  title: 'the built renderer in Chromium with 2,000 watched cases: typing in search, scrolling',
  async run({ quick }) {
    const figures = await runUiBenchmark(quick ? quickOptions : fullOptions)
    return { ...figures }
  },
}
