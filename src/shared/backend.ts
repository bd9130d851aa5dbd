import type { QuietHours } from './quiet-hours'
import type { CredentialKind } from './credential-rules'

/** Where Veridox lives. Hosts from docs/veridox-api.md §1.1; the Canadian hosts are inferred (the docs table is cut off). */
export const regions = [
  { id: 'uk', label: 'United Kingdom', baseUrl: 'https://api.uk.veridox.ai', neoBaseUrl: 'https://api.uk.neo.veridox.ai' },
  { id: 'ca', label: 'Canada', baseUrl: 'https://api.ca.veridox.ai', neoBaseUrl: 'https://api.ca.neo.veridox.ai' },
] as const
export type RegionId = (typeof regions)[number]['id'] | 'custom'

/** The two API versions the docs describe: `api.{region}.veridox.ai` and the newer `api.{region}.neo.veridox.ai`. A custom address ignores it. */
export const hostStyles = ['classic', 'neo'] as const
export type HostStyle = (typeof hostStyles)[number]

/** 'system' follows the operating system's light or dark setting. */
export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]

/** How tall the case rows are: compact fits about twice as many cases on a screen. */
export const densities = ['comfortable', 'compact'] as const
export type Density = (typeof densities)[number]

export function regionBaseUrl(region: RegionId, customBaseUrl: string | null, hostStyle: HostStyle): string | null {
  if (region === 'custom') return customBaseUrl
  const found = regions.find((r) => r.id === region)
  if (!found) return null
  return hostStyle === 'neo' ? found.neoBaseUrl : found.baseUrl
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

/**
 * What the system can do for a saved credential. `protected`: a real keychain (macOS Keychain, Windows
 * DPAPI, libsecret, kwallet). `obfuscated`: Linux's basic_text fallback, whose password is built into
 * Chromium, so it protects nothing. `unavailable`: no encryption at all.
 */
export const keychainAvailabilities = ['protected', 'obfuscated', 'unavailable'] as const
export type KeychainAvailability = (typeof keychainAvailabilities)[number]

/** `os`: sealed by the system keychain. `obfuscated`: stored on basic_text at the analyst's choice. `memory`: forgotten when the app quits. */
export const keyProtections = ['os', 'obfuscated', 'memory'] as const
export type KeyProtection = (typeof keyProtections)[number]

export interface SettingsView {
  mode: BackendMode
  region: RegionId
  customBaseUrl: string | null
  hostStyle: HostStyle
  /** The host being followed right now (the simulator's loopback URL in simulator mode). */
  activeBaseUrl: string | null
  /** A credential is saved for the chosen host, or for another one it could be brought to. */
  hasApiKey: boolean
  /** The kind of that credential; never the credential. */
  credentialKind: CredentialKind | null
  keyProtection: KeyProtection | null
  /** Known before saving, so the window can ask about basic_text first. */
  keychain: KeychainAvailability
  /** The origin that credential was saved and verified for; null without one, or for a key saved before keys were bound. */
  keyEndpoint: string | null
  /** A key is saved, but not for the chosen host: it is sent nowhere until the analyst enters a new one or confirms it there. */
  isKeyForOtherEndpoint: boolean
  /** A key is saved on disk but could not be read at launch; null once a key is saved or cleared. Never the key or its entry. */
  savedKeyProblem: SavedKeyProblem | null
  notificationsEnabled: boolean
  startAtLogin: boolean
  /** False where the desktop shows no tray icon (stock GNOME): closing the window minimises it instead. */
  hasTray: boolean
  doNotDisturb: boolean
  quietHours: QuietHours | null
  /** The analyst paused all watching (from the tray): nothing is sent to Veridox until resumed. */
  isPaused: boolean
  updatesEnabled: boolean
  /** null: the built-in feed. */
  updateFeedUrl: string | null
  theme: Theme
  density: Density
  /** The analyst closed the demo banner; the header still labels the demo. */
  isDemoBannerDismissed: boolean
}
