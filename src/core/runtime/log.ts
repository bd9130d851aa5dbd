import { systemClock, type Clock } from './clock'
import { formatLogLine } from './log-line'
import { createRateLimitedLog } from './rate-limited-log'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | null>

/** Structured, secret-free log lines: callers pass facts, never keys or raw response bodies. */
export type Log = (level: LogLevel, message: string, fields?: LogFields) => void

export const silentLog: Log = () => undefined

const levelOrder: LogLevel[] = ['debug', 'info', 'warn', 'error']

/**
 * Every line is escaped, capped and rate-limited here (log-line.ts, rate-limited-log.ts), so no caller
 * can forge, flood or bloat the log with server text, whatever it passes.
 */
export function createConsoleLog(minimum: LogLevel, write: (line: string) => void, options: { clock?: Clock } = {}): Log {
  const clock = options.clock ?? systemClock
  const formatted: Log = (level, message, fields) => write(formatLogLine(clock.now(), level, message, fields))
  const limited = createRateLimitedLog(formatted, clock)
  return (level, message, fields) => {
    if (levelOrder.indexOf(level) < levelOrder.indexOf(minimum)) return
    limited(level, message, fields)
  }
}
