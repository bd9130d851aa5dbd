import { loadavg } from 'node:os'
import { startSimulator } from '../../src/simulator'
import type { BenchFigures, BenchModule } from '../bench-module'
import { runFlood, type FloodRun } from './flood-run'
import { cliStartupMs, nodeStartupMs } from './startup-run'

export interface CliBenchOptions {
  /** Events in each flood. */
  events: number
  /** Rounds of three runs side by side: the bare client, the CLI alone, the CLI beside the idle cases. */
  rounds: number
  idleCases: number
  startupCases: number
  startupRuns: number
}

export const fullOptions: CliBenchOptions = { events: 200_000, rounds: 5, idleCases: 2_000, startupCases: 500, startupRuns: 7 }
export const quickOptions: CliBenchOptions = { events: 20_000, rounds: 1, idleCases: 2_000, startupCases: 500, startupRuns: 2 }

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits
const perEventUs = (run: FloodRun): number => run.cpuUs / run.events
const eventsPerS = (run: FloodRun): number => (run.events * 1000) / run.wallMs
const loadAverage = (): number => round(loadavg()[0]!)

async function measureStartup(options: CliBenchOptions): Promise<{ cliMs: number; nodeMs: number }> {
  const simulator = await startSimulator()
  try {
    const caseIds = Array.from({ length: options.startupCases }, () => simulator.control.createCase().caseId)
    const cli: number[] = []
    const node: number[] = []
    // Side by side: each CLI start beside a bare `node -e 0`, so a busy moment weighs on both.
    for (let i = 0; i < options.startupRuns; i++) {
      node.push(await nodeStartupMs())
      cli.push(await cliStartupMs(simulator, caseIds))
    }
    return { cliMs: median(cli), nodeMs: median(node) }
  } finally {
    await simulator.close()
  }
}

export async function runCliBenchmark(options: CliBenchOptions, log: (line: string) => void): Promise<BenchFigures> {
  const loadAtStart = loadAverage()
  const bare: FloodRun[] = []
  const alone: FloodRun[] = []
  const beside: FloodRun[] = []
  for (let i = 0; i < options.rounds; i++) {
    bare.push(await runFlood({ client: 'bare', events: options.events, idleCases: 0 }))
    alone.push(await runFlood({ client: 'cli', events: options.events, idleCases: 0 }))
    beside.push(await runFlood({ client: 'cli', events: options.events, idleCases: options.idleCases }))
    const [b, a, s] = [bare.at(-1)!, alone.at(-1)!, beside.at(-1)!]
    log(
      `round ${i + 1}: µs/event bare ${round(perEventUs(b))}, CLI ${round(perEventUs(a))}, CLI beside ${options.idleCases} idle ${round(perEventUs(s))}; events/s bare ${Math.round(eventsPerS(b))}, CLI ${Math.round(eventsPerS(a))}`,
    )
  }
  const startup = await measureStartup(options)
  log(
    `startup: CLI watch with ${options.startupCases} cases → first line ${round(startup.cliMs, 0)} ms; node -e 0 ${round(startup.nodeMs, 0)} ms`,
  )

  // Each ratio is taken within a round, between runs a few seconds apart, and the median of those is the figure:
  // the machine's load moves between rounds more than between neighbouring runs.
  const perRound = (ratio: (i: number) => number): number => median(Array.from({ length: options.rounds }, (_, i) => ratio(i)))
  const bareUs = median(bare.map(perEventUs))
  const cliUs = median(alone.map(perEventUs))
  const besideUs = median(beside.map(perEventUs))
  return {
    cpuPerEventRatio: round(perRound((i) => perEventUs(alone[i]!) / perEventUs(bare[i]!))),
    throughputRatio: round(perRound((i) => eventsPerS(alone[i]!) / eventsPerS(bare[i]!))),
    cpuPerEventGrowth: round(perRound((i) => perEventUs(beside[i]!) / perEventUs(alone[i]!))),
    startupMs: Math.round(startup.cliMs),
    cliCpuPerEventUs: round(cliUs),
    bareCpuPerEventUs: round(bareUs),
    cliBesideIdleCpuPerEventUs: round(besideUs),
    cliEventsPerS: Math.round(median(alone.map(eventsPerS))),
    bareEventsPerS: Math.round(median(bare.map(eventsPerS))),
    cliBesideIdleEventsPerS: Math.round(median(beside.map(eventsPerS))),
    floodEvents: median(alone.map((run) => run.events)),
    cliLinesPerFlood: median(alone.map((run) => run.lines ?? 0)),
    floodRounds: options.rounds,
    idleCasesWatched: options.idleCases,
    nodeStartupMs: Math.round(startup.nodeMs),
    startupCases: options.startupCases,
    cliLoadAverageStart: loadAtStart,
    cliLoadAverageEnd: loadAverage(),
  }
}

export const cliBenchmark: BenchModule = {
  name: 'cli',
  title: 'the built CLI (watch --json) beside a bare eventsource client on one simulator stream flood; start-up with 500 cases',
  run: ({ quick, log }) => runCliBenchmark(quick ? quickOptions : fullOptions, log),
}
