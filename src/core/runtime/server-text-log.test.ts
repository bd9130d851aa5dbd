import { describe, expect, it } from 'vitest'
import { parseProgressMessage } from '../veridox/progress-event'
import type { Clock } from './clock'
import { createConsoleLog } from './log'
import { logValueCap } from './log-line'

const clock: Clock = { now: () => 0, setTimeout: () => () => undefined, random: () => 0.5 }
const caseId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'

/** What the monitor logs for a message it skips (case-outcomes.ts), written through the real console log. */
function logLinesFor(namedType: string | null, data: unknown): string[] {
  const written: string[] = []
  const log = createConsoleLog('info', (line) => written.push(`${line}\n`), { clock })
  const message = parseProgressMessage({ namedType, data, lineId: null, caseId })
  if (message.kind === 'unknown') log('info', 'skipped an event of a type this app does not know', { caseId, type: message.type })
  if (message.kind === 'malformed') log('warn', 'skipped a malformed event', { caseId, reason: message.reason })
  return written
    .join('')
    .split(/\r\n|\r|\n/)
    .filter(Boolean)
}

describe('server text from a progress event in the log', () => {
  it('a type holding "\\nerror forged line" is one escaped line', () => {
    expect(logLinesFor(null, { type: 'file.analysis.progress\nerror forged line' })).toEqual([
      `1970-01-01T00:00:00.000Z info skipped an event of a type this app does not know caseId=${caseId} type="file.analysis.progress\\nerror forged line"`,
    ])
  })

  it('a 1 MB type is one line, cut to the cap with its original length', () => {
    const [line, ...rest] = logLinesFor(null, { type: 'x'.repeat(1_048_576) })
    expect(rest).toEqual([])
    expect(line).toMatch(new RegExp(` type="x{${logValueCap}}… \\(1,048,576 characters\\)"$`))
  })

  it('a 1 MB type that disagrees with its event line is one malformed-event line, cut the same way', () => {
    const [line, ...rest] = logLinesFor('file.analysis.progress', { type: 'x'.repeat(1_048_576) })
    expect(rest).toEqual([])
    expect(line!.length).toBeLessThan(logValueCap + 200)
    expect(line).toMatch(/ reason="event line says file\.analysis\.progress but data says x+… \(1,048,629 characters\)"$/)
  })
})
