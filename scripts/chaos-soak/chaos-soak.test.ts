import { describe, expect, it } from 'vitest'
import { calmSoak, fullSoak, shortSoak } from './soak-config'
import { formatSoakReport } from './soak-report'
import { runChaosSoak } from './run-soak'

// `npm test` runs the short soak; `npm run soak` runs the full one (SOAK=full); SOAK=calm, the baseline.
const config = process.env.SOAK === 'full' ? fullSoak : process.env.SOAK === 'calm' ? calmSoak : shortSoak
const budgetMs = config.chaosMs + config.settleMs + config.arrivalMs + 60_000

describe(`chaos soak (${config.name})`, () => {
  it(
    'misses no completion, announces none twice, stays within every limit and ends in Veridox’s state',
    async () => {
      const report = await runChaosSoak(config, (line) => process.env.SOAK_VERBOSE && process.stdout.write(`${line}\n`))
      process.stdout.write(`\n${formatSoakReport(report)}\n`)
      expect(report.missedCompletions).toEqual([])
      expect(report.duplicateCompletions).toEqual([])
      expect(report.limitsExceeded).toBe(0)
      expect(report.finalStateMismatches).toEqual([])
      expect(report.latencyMs.count).toBe(report.cases - report.deleted)
      // Every fault kind, an offline spell, a silent outage and a restart really happened.
      if (config.name !== 'calm')
        expect(Object.keys(report.actions).sort()).toEqual([
          'buffer-stream',
          'drop-stream',
          'html-page',
          'offline',
          'rate-limit',
          'restart',
          'server-error',
          'silent-outage',
          'slow-first-byte',
          'stall-stream',
        ])
    },
    budgetMs,
  )
})
