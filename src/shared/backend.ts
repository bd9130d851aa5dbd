/** Where Veridox lives. Hosts from docs/veridox-api.md §1.1; the Canadian host is inferred (the docs table is cut off). */
export const regions = [
  { id: 'uk', label: 'United Kingdom', baseUrl: 'https://api.uk.veridox.ai' },
  { id: 'ca', label: 'Canada', baseUrl: 'https://api.ca.veridox.ai' },
] as const
export type RegionId = (typeof regions)[number]['id'] | 'custom'

export function regionBaseUrl(region: RegionId, customBaseUrl: string | null): string | null {
  if (region === 'custom') return customBaseUrl
  return regions.find((r) => r.id === region)?.baseUrl ?? null
}

/**
 * `simulator`: no key is configured, so the app follows the built-in simulator's demo cases.
 * `veridox`: a key is configured and the app follows the chosen Veridox host.
 */
export type BackendMode = 'simulator' | 'veridox'

export interface SettingsView {
  mode: BackendMode
  region: RegionId
  customBaseUrl: string | null
  /** The host being followed right now (the simulator's loopback URL in simulator mode). */
  activeBaseUrl: string | null
  hasApiKey: boolean
  /** `os`: the key is encrypted by the system keychain. `memory`: no keychain, so it is forgotten when the app quits. */
  keyProtection: 'os' | 'memory' | null
  notificationsEnabled: boolean
}
