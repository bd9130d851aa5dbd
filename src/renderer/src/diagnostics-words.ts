import { isTerminalState } from '@shared/case-rules'
import type { CaseDiagnostics, RequestBudget } from '@shared/diagnostics'
import { formatAgo, formatCountdown } from './time-words'

const transportWords: Record<NonNullable<CaseDiagnostics['transport']>, string> = {
  stream: 'stream',
  poll: 'polling',
  list: 'case listings',
}

export function followedWords(item: Pick<CaseDiagnostics, 'state' | 'transport'>): string {
  const state = item.state.replace(/_/g, ' ')
  if (isTerminalState(item.state)) return `${state.charAt(0).toUpperCase()}${state.slice(1)}`
  const how = item.transport === null ? 'not followed now' : transportWords[item.transport]
  return `${state.charAt(0).toUpperCase()}${state.slice(1)} · ${how}`
}

export function budgetWords(budget: RequestBudget): string {
  const window = budget.windowMs >= 3_600_000 ? 'hour' : 'minute'
  return `${Math.max(0, budget.limit - budget.used)} of ${budget.limit} left · ${budget.used} in the last ${window}`
}

export const confirmedWords = (confirmedAt: number | null, now: number): string =>
  confirmedAt === null ? 'not yet' : formatAgo(confirmedAt, now)

export const retryWords = (nextRetryAt: number | null, now: number): string =>
  nextRetryAt === null ? '—' : nextRetryAt <= now ? 'now' : `in ${formatCountdown(nextRetryAt - now)}`
