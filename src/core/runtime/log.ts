export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Structured, secret-free log lines: callers pass facts, never keys or raw response bodies. */
export type Log = (level: LogLevel, message: string, fields?: Record<string, string | number | boolean | null>) => void

export const silentLog: Log = () => undefined

export function createConsoleLog(minimum: LogLevel, write: (line: string) => void): Log {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error']
  return (level, message, fields) => {
    if (order.indexOf(level) < order.indexOf(minimum)) return
    const suffix = fields
      ? ' ' +
        Object.entries(fields)
          .map(([key, value]) => `${key}=${value}`)
          .join(' ')
      : ''
    write(`${new Date().toISOString()} ${level} ${message}${suffix}`)
  }
}
