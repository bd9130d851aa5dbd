import type { RouteName, FaultKind } from './faults/fault-types'

export interface SimulatorStats {
  uptimeMs: number
  openStreams: number
  openStreamsByKey: Record<string, number>
  peakStreams: number
  peakStreamsByKey: Record<string, number>
  streamsOpened: number
  /** Progress events created (stored once each). */
  eventsStored: number
  /** Stored events written to streams (a replayed event counts again). Heartbeats not included. */
  eventsSent: number
  heartbeatsSent: number
  requestsByRoute: Partial<Record<RouteName | 'control' | 'unknown', number>>
  responsesByStatus: Record<string, number>
  /** Every 429 sent: `fromLimits` by the rate limits (per key and route), `fromFaults` by injected bursts. */
  tooManyRequests: {
    total: number
    fromLimits: number
    fromFaults: number
    byKey: Record<string, number>
    byRoute: Partial<Record<RouteName, number>>
  }
  faultsFired: Partial<Record<FaultKind, number>>
  cases: { total: number; analysing: number; completed: number }
}

const bump = <K extends string>(record: Partial<Record<K, number>>, key: K, by = 1): void => {
  record[key] = (record[key] ?? 0) + by
}

export type StatsCollector = ReturnType<typeof createStatsCollector>

export function createStatsCollector(now: () => number = Date.now) {
  const startedAt = now()
  const s: Omit<SimulatorStats, 'uptimeMs' | 'cases'> = {
    openStreams: 0,
    openStreamsByKey: {},
    peakStreams: 0,
    peakStreamsByKey: {},
    streamsOpened: 0,
    eventsStored: 0,
    eventsSent: 0,
    heartbeatsSent: 0,
    requestsByRoute: {},
    responsesByStatus: {},
    tooManyRequests: { total: 0, fromLimits: 0, fromFaults: 0, byKey: {}, byRoute: {} },
    faultsFired: {},
  }
  return {
    request: (route: RouteName | 'control' | 'unknown') => bump(s.requestsByRoute, route),
    response: (status: number) => bump(s.responsesByStatus, String(status)),
    tooManyRequests(route: RouteName, key: string | null, isInjected: boolean) {
      const t = s.tooManyRequests
      t.total++
      if (isInjected) t.fromFaults++
      else t.fromLimits++
      if (key !== null) bump(t.byKey, key)
      bump(t.byRoute, route)
    },
    streamOpened(key: string) {
      s.streamsOpened++
      s.openStreams++
      bump(s.openStreamsByKey, key)
      s.peakStreams = Math.max(s.peakStreams, s.openStreams)
      s.peakStreamsByKey[key] = Math.max(s.peakStreamsByKey[key] ?? 0, s.openStreamsByKey[key])
    },
    streamClosed(key: string) {
      s.openStreams--
      bump(s.openStreamsByKey, key, -1)
    },
    eventStored: () => void s.eventsStored++,
    eventSent: () => void s.eventsSent++,
    heartbeatSent: () => void s.heartbeatsSent++,
    faultFired: (kind: FaultKind) => bump(s.faultsFired, kind),
    snapshot: (cases: SimulatorStats['cases']): SimulatorStats => structuredClone({ ...s, uptimeMs: now() - startedAt, cases }),
  }
}
