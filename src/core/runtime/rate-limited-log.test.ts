import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { systemClock } from './clock'
import type { Log, LogFields, LogLevel } from './log'
import { createRateLimitedLog, defaultLogRateLimit } from './rate-limited-log'

beforeEach(() => vi.useFakeTimers({ now: 0 }))
afterEach(() => vi.useRealTimers())

function recordingLog() {
  const lines: { level: LogLevel; message: string; fields?: LogFields }[] = []
  const inner: Log = (level, message, fields) => lines.push({ level, message, fields })
  return { lines, log: createRateLimitedLog(inner, systemClock) }
}

const { linesPerWindow, windowMs } = defaultLogRateLimit

describe('rate-limited log', () => {
  it('10,000 identical warnings write the first lines and, when the minute ends, one summary with the count', () => {
    const { lines, log } = recordingLog()
    for (let i = 0; i < 10_000; i += 1) log('warn', 'skipped a malformed event', { caseId: 'c1', reason: `n${i}` })
    expect(lines).toHaveLength(linesPerWindow)
    vi.advanceTimersByTime(windowMs)
    expect(lines).toHaveLength(linesPerWindow + 1)
    expect(lines.at(-1)).toEqual({
      level: 'warn',
      message: `skipped a malformed event … repeated ${(10_000 - linesPerWindow).toLocaleString('en')} more times in the last minute`,
      fields: { caseId: 'c1', reason: 'n9999' },
    })
  })

  it('a flood that goes on for ten minutes writes a bounded number of lines per minute', () => {
    const { lines, log } = recordingLog()
    for (let second = 0; second < 600; second += 1) {
      for (let i = 0; i < 100; i += 1) log('info', 'skipped an event of a type this app does not know')
      vi.advanceTimersByTime(1_000)
    }
    expect(lines.length).toBeLessThanOrEqual(10 * (linesPerWindow + 1))
    expect(lines.filter((line) => line.message.includes('repeated'))).toHaveLength(10)
  })

  it('the summary is written when the window ends even if the message never comes again', () => {
    const { lines, log } = recordingLog()
    for (let i = 0; i < linesPerWindow + 3; i += 1) log('warn', 'could not save the watch list')
    vi.advanceTimersByTime(windowMs - 1)
    expect(lines).toHaveLength(linesPerWindow)
    vi.advanceTimersByTime(1)
    expect(lines.at(-1)?.message).toBe('could not save the watch list … repeated 3 more times in the last minute')
  })

  it('no summary when nothing was held back, and a new window writes again', () => {
    const { lines, log } = recordingLog()
    for (let i = 0; i < linesPerWindow; i += 1) log('warn', 'same')
    vi.advanceTimersByTime(windowMs)
    log('warn', 'same')
    expect(lines).toHaveLength(linesPerWindow + 1)
    expect(lines.every((line) => line.message === 'same')).toBe(true)
  })

  it('different messages, and the same message at another level, are limited separately', () => {
    const { lines, log } = recordingLog()
    for (let i = 0; i < 100; i += 1) {
      log('warn', 'first')
      log('warn', 'second')
      log('error', 'first')
    }
    const count = (level: LogLevel, message: string) => lines.filter((line) => line.level === level && line.message === message).length
    expect([count('warn', 'first'), count('warn', 'second'), count('error', 'first')]).toEqual([
      linesPerWindow,
      linesPerWindow,
      linesPerWindow,
    ])
  })

  it('beyond the tracked-message cap lines pass through rather than being lost', () => {
    const lines: string[] = []
    const log = createRateLimitedLog((_level, message) => lines.push(message), systemClock, {
      linesPerWindow: 1,
      windowMs,
      maxTrackedMessages: 2,
    })
    for (const message of ['a', 'b', 'c', 'c']) log('info', message)
    expect(lines).toEqual(['a', 'b', 'c', 'c'])
  })
})
