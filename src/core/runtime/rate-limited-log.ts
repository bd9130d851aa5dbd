import type { Clock } from './clock'
import type { Log, LogFields, LogLevel } from './log'

export interface LogRateLimit {
  /** Lines of one level and message written per window; the rest are counted and summarised. */
  linesPerWindow: number
  windowMs: number
  /** Distinct messages tracked at once; beyond it lines pass unlimited (messages are ours, so it is not reached). */
  maxTrackedMessages: number
}

/**
 * A server repeating one bad event thousands of times a second must not fill the disk: 20 lines of a
 * kind per minute keep the first occurrences for diagnosis, and one summary line says how many more came.
 */
export const defaultLogRateLimit: LogRateLimit = { linesPerWindow: 20, windowMs: 60_000, maxTrackedMessages: 1_000 }

interface MessageWindow {
  key: string
  level: LogLevel
  message: string
  startedAt: number
  written: number
  suppressed: number
  lastFields: LogFields | undefined
  cancelSummary: (() => void) | null
}

const windowWords = (windowMs: number): string =>
  windowMs === 60_000 ? 'the last minute' : `the last ${(windowMs / 1000).toLocaleString('en')} seconds`

/** The same level and message more than `linesPerWindow` times in a window becomes one summary line. */
export function createRateLimitedLog(log: Log, clock: Clock, limit: LogRateLimit = defaultLogRateLimit): Log {
  const windows = new Map<string, MessageWindow>()

  function end(window: MessageWindow): void {
    if (windows.get(window.key) === window) windows.delete(window.key)
    window.cancelSummary?.()
    if (window.suppressed === 0) return
    const times = window.suppressed.toLocaleString('en')
    log(window.level, `${window.message} … repeated ${times} more times in ${windowWords(limit.windowMs)}`, window.lastFields)
  }

  function endExpired(now: number): void {
    for (const window of [...windows.values()]) if (now - window.startedAt >= limit.windowMs) end(window)
  }

  function windowFor(level: LogLevel, message: string, now: number): MessageWindow | null {
    const key = `${level} ${message}`
    const current = windows.get(key)
    if (current && now - current.startedAt < limit.windowMs) return current
    if (current) end(current)
    if (windows.size >= limit.maxTrackedMessages) endExpired(now)
    if (windows.size >= limit.maxTrackedMessages) return null
    const fresh: MessageWindow = {
      key,
      level,
      message,
      startedAt: now,
      written: 0,
      suppressed: 0,
      lastFields: undefined,
      cancelSummary: null,
    }
    windows.set(key, fresh)
    return fresh
  }

  return (level, message, fields) => {
    const now = clock.now()
    const window = windowFor(level, message, now)
    if (!window || window.written < limit.linesPerWindow) {
      if (window) window.written += 1
      return log(level, message, fields)
    }
    window.suppressed += 1
    window.lastFields = fields
    // Only a window that suppressed something needs a timer: its summary is due even if the flood stops.
    window.cancelSummary ??= clock.setTimeout(() => end(window), window.startedAt + limit.windowMs - now)
  }
}
