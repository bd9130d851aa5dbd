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

/** What a saved key is bound to: the origin, because that is where a credential's exposure ends (a path on the same host adds no trust). */
export function keyEndpointOf(baseUrl: string): string {
  return new URL(baseUrl).origin
}

/**
 * `simulator`: no key is saved for the chosen host, so the app follows the built-in simulator's demo cases.
 * `veridox`: a key is saved for the chosen host, and the app follows that host.
 */
export type BackendMode = 'simulator' | 'veridox'

/**
 * Why a key saved on disk is not in use. `keychain_unavailable`: the system keychain that sealed it is
 * not there (none at all, or Linux's basic_text fallback). `unreadable`: the keychain could not open
 * it (the keychain changed, or the entry is damaged). Either way the entry stays on disk untouched.
 */
export const savedKeyProblems = ['keychain_unavailable', 'unreadable'] as const
export type SavedKeyProblem = (typeof savedKeyProblems)[number]

export interface SettingsView {
  mode: BackendMode
  region: RegionId
  customBaseUrl: string | null
  /** The host being followed right now (the simulator's loopback URL in simulator mode). */
  activeBaseUrl: string | null
  hasApiKey: boolean
  /** `os`: the key is encrypted by the system keychain. `memory`: no keychain, so it is forgotten when the app quits. */
  keyProtection: 'os' | 'memory' | null
  /** The origin the saved key was saved and verified for; null without a key, or for a key saved before keys were bound. */
  keyEndpoint: string | null
  /** A key is saved, but not for the chosen host: it is sent nowhere until the analyst enters a new one or confirms it there. */
  isKeyForOtherEndpoint: boolean
  /** A key is saved on disk but could not be read at launch; null once a key is saved or cleared. Never the key or its entry. */
  savedKeyProblem: SavedKeyProblem | null
  notificationsEnabled: boolean
  updatesEnabled: boolean
  /** null: the built-in feed. */
  updateFeedUrl: string | null
}
