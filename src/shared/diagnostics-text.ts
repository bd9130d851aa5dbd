import type { ConnectionView } from './connection-view'
import type { Diagnostics, RequestBudget } from './diagnostics'
import type { ErrorCode } from './errors'

// Support reads this across time zones: every time is UTC. It holds no credential because Diagnostics has none.
const utc = (epochMs: number): string => new Date(epochMs).toISOString()
const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 200)
const per = (budget: RequestBudget): string => (budget.windowMs >= 3_600_000 ? 'per hour' : 'per minute')

function connectionLine(connection: ConnectionView): string {
  if (connection.since !== null) return `Connection: ${connection.state} since ${utc(connection.since)}`
  if (connection.until !== null) return `Connection: ${connection.state} until ${utc(connection.until)}`
  return `Connection: ${connection.state}`
}

export function diagnosticsText(diagnostics: Diagnostics, errorWords: (code: ErrorCode) => string): string {
  const budgets = diagnostics.budgets
  const rates = budgets.filter((budget) => budget.kind !== 'get').map((budget) => `${budget.kind} ${budget.used} ${per(budget)}`)
  const cases = diagnostics.cases.map((item) => {
    const name = item.label === null ? item.caseId : `${item.caseId} "${oneLine(item.label)}"`
    const error = item.lastError === null ? 'none' : `${item.lastError} (${oneLine(errorWords(item.lastError))})`
    return [
      `${name}: ${item.state} via ${item.transport ?? 'nothing'}`,
      `last event ${item.lastEventId === null ? 'none' : oneLine(item.lastEventId)}`,
      `confirmed ${item.confirmedAt === null ? 'never' : utc(item.confirmedAt)}`,
      `last error ${error}`,
      `next retry ${item.nextRetryAt === null ? 'none' : utc(item.nextRetryAt)}`,
    ].join('; ')
  })
  return [
    `Case Monitor diagnostics, ${utc(diagnostics.takenAt)}`,
    `${diagnostics.mode === 'simulator' ? 'Built-in simulator' : 'Veridox'}: ${diagnostics.host}`,
    connectionLine(diagnostics.connection),
    `Streams: ${diagnostics.streams.inUse} of ${diagnostics.streams.limit} in use`,
    `Requests left: ${budgets.map((b) => `${b.kind} ${Math.max(0, b.limit - b.used)} of ${b.limit} ${per(b)}`).join(', ')}`,
    `Rates now: ${rates.join(', ')}`,
    '',
    `Cases (${cases.length}):`,
    ...cases,
  ].join('\n')
}
