import type { Fault, RouteName } from '../../src/simulator'

export type ChaosAction =
  | { kind: 'fault'; fault: Fault }
  | { kind: 'offline'; ms: number }
  | { kind: 'silent-outage'; ms: number }
  | { kind: 'restart'; downMs: number }

const faultRoutes: RouteName[] = ['stream', 'poll', 'list', 'get']
const actionKinds = [
  'drop-after',
  'drop-random',
  'stall-stream',
  'server-error',
  'rate-limit',
  'html-page',
  'buffer-stream',
  'slow-first-byte',
  'offline',
  'silent-outage',
  'restart',
] as const
type ActionKind = (typeof actionKinds)[number]
export const isDisruptive = (kind: ActionKind): boolean => kind === 'offline' || kind === 'silent-outage' || kind === 'restart'

function buildAction(kind: ActionKind, random: () => number, durationMs: number, caseIds: readonly string[]): ChaosAction {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const someCases = (): string[] | undefined =>
    random() < 0.5 || caseIds.length === 0 ? undefined : Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(caseIds))
  const someRoutes = (): RouteName[] => [...new Set(faultRoutes.filter(() => random() < 0.5).concat(pick(faultRoutes)))]
  const scope = { durationMs, caseIds: someCases() }
  switch (kind) {
    case 'offline':
      return { kind: 'offline', ms: durationMs }
    case 'silent-outage':
      return { kind: 'silent-outage', ms: durationMs }
    case 'restart':
      return { kind: 'restart', downMs: Math.round(durationMs / 3) }
    case 'drop-after':
      return { kind: 'fault', fault: { kind: 'drop-stream', afterEvents: 1 + Math.floor(random() * 6), ...scope } }
    case 'drop-random':
      return { kind: 'fault', fault: { kind: 'drop-stream', perEventProbability: 0.2, ...scope } }
    case 'stall-stream':
      return { kind: 'fault', fault: { kind: 'stall-stream', stallMs: durationMs, afterEvents: Math.floor(random() * 4), ...scope } }
    case 'server-error':
      return {
        kind: 'fault',
        fault: { kind: 'server-error', status: pick([500, 502, 503] as const), routes: someRoutes(), probability: 0.6, ...scope },
      }
    case 'rate-limit':
      return {
        kind: 'fault',
        fault: { kind: 'rate-limit', retryAfterSeconds: 1 + Math.floor(random() * 3), routes: someRoutes(), probability: 0.5, ...scope },
      }
    case 'html-page':
      return { kind: 'fault', fault: { kind: 'html-page', routes: pick([['stream'], ['stream', 'poll']] as RouteName[][]), ...scope } }
    case 'buffer-stream':
      return { kind: 'fault', fault: { kind: 'buffer-stream', flushAtKb: pick([0, 4, 16]), ...scope } }
    case 'slow-first-byte':
      return {
        kind: 'fault',
        fault: { kind: 'slow-first-byte', delayMs: 200 + Math.floor(random() * 2_000), routes: someRoutes(), ...scope },
      }
  }
}

/**
 * A reproducible chaos schedule: every kind of action once, in a seeded order, then seeded random picks.
 * A disruptive action (offline, outage, restart) is never started while another is still running.
 */
export function createChaosPlan(random: () => number) {
  const firstRound = [...actionKinds].sort(() => random() - 0.5)
  return (durationMs: number, caseIds: readonly string[], isDisruptionRunning: boolean): ChaosAction => {
    const candidates = (kinds: readonly ActionKind[]) => kinds.filter((kind) => !isDisruptionRunning || !isDisruptive(kind))
    const fromFirstRound = candidates(firstRound)[0]
    let kind: ActionKind
    if (fromFirstRound) {
      kind = fromFirstRound
      firstRound.splice(firstRound.indexOf(kind), 1)
    } else {
      const pool = candidates(actionKinds)
      kind = pool[Math.floor(random() * pool.length)]!
    }
    return buildAction(kind, random, durationMs, caseIds)
  }
}
