import type { BenchModule } from '../bench-module'
import type { MonitorTuning } from '../../src/core/monitor/monitor-tuning'
import { documentedLimits } from '../../src/core/policy/limits'
import { runDetection, type DetectionOptions } from './detection-run'
import { runIdle, type IdleOptions } from './idle-run'

/** Quick mode: the same policy with its timings scaled down (as the integration tests do), to prove the module runs. */
const quickTuning: Partial<MonitorTuning> = {
  stream: { backoff: { floorMs: 50, capMs: 400 }, heartbeatMs: 150, silenceFactor: 2.5, healthyAfterMs: 1_500, failuresBeforeFallback: 3 },
  sweepIntervalMs: 300,
  finalizeTimeoutMs: 2_000,
  snapshotRetryMs: 200,
  reconnectSpreadMs: 100,
}

export const fullDetection: DetectionOptions = {
  analysing: 30,
  idleBeside: 170,
  firstCompletionMs: 6_000,
  lastCompletionMs: 36_000,
  graceMs: 45_000,
  heartbeatMs: 15_000,
  tuning: {},
  limits: documentedLimits,
}

export const quickDetection: DetectionOptions = {
  analysing: 14,
  idleBeside: 36,
  firstCompletionMs: 1_000,
  lastCompletionMs: 3_000,
  graceMs: 3_000,
  heartbeatMs: 100,
  tuning: quickTuning,
  limits: documentedLimits,
}

const benchMinutes = Number(process.env.BENCH_MINUTES)
export const fullIdle: IdleOptions = {
  cases: 500,
  // Half a minute each (fresh and restarted) keeps the module within its time; BENCH_MINUTES=10 runs the literal 10 minutes.
  windowMs: (Number.isFinite(benchMinutes) && benchMinutes > 0 ? benchMinutes : 0.5) * 60_000,
  heartbeatMs: 15_000,
  tuning: {},
  limits: documentedLimits,
}

export const quickIdle: IdleOptions = { cases: 100, windowMs: 1_000, heartbeatMs: 100, tuning: quickTuning, limits: documentedLimits }

export const budgetBenchmark: BenchModule = {
  name: 'budget',
  title: 'the core on the simulator: completion → announcement, streamed and budgeted; requests a minute with 500 idle cases',
  async run({ quick, log }) {
    const detection = await runDetection(quick ? quickDetection : fullDetection)
    log(`detection: streamed p95 ${detection.detectStreamedP95S} s, budgeted p95 ${detection.detectBudgetedP95S} s`)
    const idle = await runIdle(quick ? quickIdle : fullIdle)
    log(`idle: ${idle.idleRequestsPerMin} requests/min over ${idle.idleWindowMin} min`)
    return { ...detection, ...idle }
  },
}
