import type { CaseProblem } from '../../shared/case-view'
import type { VeridoxError } from '../veridox/veridox-error'
import type { MonitorTuning } from './monitor-tuning'
import type { GiveUpReason } from './stream-session'

interface Fallback {
  until: number
  count: number
  problem: CaseProblem
}

export const proxyProblem: CaseProblem = {
  code: 'proxy_interference',
  message: 'A proxy or firewall is interfering with live updates; following by polling for now.',
}

const failingProblem = (error: VeridoxError | null): CaseProblem => ({
  code: error?.code ?? 'network_unreachable',
  message: 'The live connection kept failing; following this case by polling for now.',
})

/** Cases whose stream gave up: polled for a while (doubling each time), then their stream is tried again. Part of the stream planner. */
export function createStreamFallbacks(tuning: MonitorTuning, now: () => number) {
  const fallbacks = new Map<string, Fallback>()
  const active = (caseId: string): Fallback | null => {
    const fallback = fallbacks.get(caseId)
    return fallback && fallback.until > now() ? fallback : null
  }
  return {
    fallBack(caseId: string, reason: GiveUpReason, error: VeridoxError | null): void {
      const count = fallbacks.get(caseId)?.count ?? 0
      fallbacks.set(caseId, {
        until: now() + Math.min(tuning.pollFallbackMaxMs, tuning.pollFallbackMs * 2 ** count),
        count: count + 1,
        problem: reason === 'repeated_failures' ? failingProblem(error) : proxyProblem,
      })
    },
    isActive: (caseId: string): boolean => active(caseId) !== null,
    problemOf: (caseId: string): CaseProblem | null => active(caseId)?.problem ?? null,
    forget: (caseId: string): boolean => fallbacks.delete(caseId),
  }
}
