import { isLoopbackHostname } from './endpoint-rules'

/** What the operating system says, as two facts: main samples them (powerMonitor, net.isOnline). */
export interface SystemState {
  isAsleep: boolean
  isNetworkOnline: boolean
}

export const awakeAndOnline: SystemState = { isAsleep: false, isNetworkOnline: true }

/**
 * The one rule for whether a backend can answer: never while the machine sleeps; without a network
 * only a host on this machine (the embedded simulator, a local Veridox), since loopback needs none.
 */
export function isBackendReachable(baseUrl: string, system: SystemState): boolean {
  if (system.isAsleep) return false
  return system.isNetworkOnline || isLoopbackHostname(new URL(baseUrl).hostname)
}
