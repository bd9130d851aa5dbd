import { inject, type InjectionKey } from 'vue'
import type { CaseMonitorClient } from './ipc-client'

export const clientKey: InjectionKey<CaseMonitorClient> = Symbol('case-monitor-client')

/** The one client, provided at app level so stores and tests can swap the Bridge underneath it. */
export function useClient(): CaseMonitorClient {
  const client = inject(clientKey, null)
  if (!client) throw new Error('No Case Monitor client was provided to this app.')
  return client
}
