import { systemChromium } from '../e2e/fixtures/system-chromium'
import type { BenchFigures, BenchModule } from './bench-module'
import { machineFacts, type MachineFacts } from './machine'
import { targets, boundOf, verdict, type Verdict } from './targets'
import { uiBenchmark } from './ui/ui-bench-module'
import { outageBenchmark } from './outage/outage-bench-module'
import { budgetBenchmark } from './budget/budget-bench-module'
import { cliBenchmark } from './cli/cli-bench-module'
import { memoryBenchmark } from './memory/memory-bench-module'

// The simulator runs in a child process that loads this bundle to start it (bench/ui/simulator-process.ts).
export { runSimulatorChild } from './ui/simulator-process'

/** Every benchmark, in the order they run (one at a time: each wants the machine's two cores to itself). */
export const benchModules: readonly BenchModule[] = [cliBenchmark, budgetBenchmark, outageBenchmark, memoryBenchmark, uiBenchmark]

export interface BenchResults {
  mode: 'full' | 'quick'
  startedAt: string
  durationS: number
  machine: MachineFacts
  figures: BenchFigures
  targets: { figure: string; title: string; measured: number | boolean | null; target: string; verdict: Verdict }[]
  /** Modules that threw: their figures are missing, and the run exits non-zero. */
  errors: { module: string; message: string }[]
  moduleSeconds: Record<string, number>
}

export async function runBenchSuite(options: { quick: boolean; only?: string[]; log: (line: string) => void }): Promise<BenchResults> {
  const started = Date.now()
  const machine = machineFacts(systemChromium())
  const figures: BenchFigures = {}
  const errors: BenchResults['errors'] = []
  const moduleSeconds: Record<string, number> = {}
  const chosen = benchModules.filter((module) => !options.only?.length || options.only.includes(module.name))
  for (const module of chosen) {
    options.log(`▸ ${module.name}: ${module.title}`)
    const moduleStarted = Date.now()
    try {
      Object.assign(figures, await module.run({ quick: options.quick, log: (line) => options.log(`  ${module.name}: ${line}`) }))
    } catch (error) {
      errors.push({ module: module.name, message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
      options.log(`  ${module.name} FAILED: ${error instanceof Error ? error.message : String(error)}`)
    }
    moduleSeconds[module.name] = Math.round((Date.now() - moduleStarted) / 100) / 10
  }
  return {
    mode: options.quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationS: Math.round((Date.now() - started) / 100) / 10,
    machine,
    figures,
    targets: targets.map((target) => {
      const bound = boundOf(target, figures)
      return {
        figure: target.figure,
        title: target.title,
        measured: figures[target.figure] ?? null,
        target:
          typeof bound === 'number' && !Number.isFinite(bound)
            ? 'see title'
            : `${target.bound === 'max' ? '≤' : target.bound === 'min' ? '≥' : '='} ${String(bound)}${target.unit ? ` ${target.unit}` : ''}`,
        verdict: verdict(target, figures),
      }
    }),
    errors,
    moduleSeconds,
  }
}

/** The table `npm run bench` prints. */
export function formatResults(results: BenchResults): string {
  const lines = [
    `Case Monitor benchmarks (${results.mode}), ${results.machine.cores} cores ${results.machine.cpu}, Node ${results.machine.node}, load ${results.machine.loadAverageAtStart.join(' ')}, ${results.durationS} s`,
    `${'figure'.padEnd(28)} ${'measured'.padStart(10)}  ${'target'.padEnd(18)} verdict`,
  ]
  for (const row of results.targets) {
    const measured = row.measured === null ? '—' : String(row.measured)
    lines.push(`${row.figure.padEnd(28)} ${measured.padStart(10)}  ${row.target.padEnd(18)} ${row.verdict}`)
  }
  const judged = new Set(results.targets.map((row) => row.figure))
  const others = Object.entries(results.figures).filter(([name]) => !judged.has(name))
  if (others.length) lines.push(`other figures: ${others.map(([name, value]) => `${name} ${String(value)}`).join(', ')}`)
  for (const error of results.errors) lines.push(`ERROR in ${error.module}: ${error.message.split('\n')[0]}`)
  return lines.join('\n')
}
