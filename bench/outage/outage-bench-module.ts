import type { BenchModule } from '../bench-module'
import { fullOptions, quickOptions, runOutageBenchmark } from './outage-benchmark'

export const outageBenchmark: BenchModule = {
  name: 'outage',
  title:
    'the built CLI following 500 cases through a relay: Veridox answering 503 for 60 s, then the cable pulled for 40 s; attempts during each, the reconnect after',
  run: ({ quick, log }) => runOutageBenchmark(quick ? quickOptions : fullOptions, log),
}
