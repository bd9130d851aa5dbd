import type { Density, HostStyle, SettingsView, RegionId, Theme } from './backend'
import type { CredentialKind } from './credential-rules'
import type { QuietHours } from './quiet-hours'
import type { CaseView } from './case-view'
import type { ConnectionView } from './connection-view'
import type { Diagnostics } from './diagnostics'
import type { Result } from './errors'
import type { RecentCasesAnswer } from './recent-cases'
import type { UpdateStatus } from './updates'

export interface AppSnapshot {
  cases: CaseView[]
  settings: SettingsView
  update: UpdateStatus
  connection: ConnectionView
}

/** Renderer → main, request and response. Every command takes at most one argument. */
export interface Commands {
  getSnapshot(): AppSnapshot
  watchCases(input: { caseIds: string[] }): CaseView[]
  unwatchCase(input: { caseId: string }): void
  setCasePinned(input: { caseId: string; isPinned: boolean }): CaseView
  retryCase(input: { caseId: string }): CaseView
  /** Which cases are on screen, so they get live streams first. */
  reportVisibleCases(input: { caseIds: string[] }): void
  updateSettings(input: {
    region?: RegionId
    customBaseUrl?: string | null
    hostStyle?: HostStyle
    notificationsEnabled?: boolean
    startAtLogin?: boolean
    doNotDisturb?: boolean
    quietHours?: QuietHours | null
    updatesEnabled?: boolean
    updateFeedUrl?: string | null
    theme?: Theme
    density?: Density
    isDemoBannerDismissed?: boolean
  }): SettingsView
  /** A muted case pops up nothing; it still shows in the window and counts in the tray. */
  setCaseMuted(input: { caseId: string; isMuted: boolean }): CaseView
  /**
   * Checks the credential with the chosen host and saves it for that host. The secret goes in and never
   * comes back out: the renderer learns only its kind, protection and endpoint. `storage` on basic_text:
   * `keychain` stores it anyway, `session` (the default there) keeps it until quit.
   */
  setCredential(input: { kind: CredentialKind; secret: string; storage?: 'keychain' | 'session' }): SettingsView
  /** Forgets the credential the settings show (the chosen host's, or the one offered from another host). */
  clearApiKey(): SettingsView
  /** Binds the saved key to the chosen host, which the analyst was shown as `endpoint`, once that host accepts it. */
  confirmKeyEndpoint(input: { endpoint: string }): SettingsView
  /** Simulator mode only: create a new case on the built-in simulator and watch it. */
  startDemoCase(): CaseView
  /** Quits the app, as the tray's Quit does: where the desktop has no tray, this is the window's way out. */
  quitApp(): void
  /** The analyst opened these completed cases, or marked them all seen: they stop counting as new. */
  markCasesSeen(input: { caseIds: string[] }): void
  /** For a support call: how each case and the account reach Veridox right now. Never holds a credential. */
  getDiagnostics(): Diagnostics
  /** The analyst's own name for a case (kept on this computer); empty clears it. */
  setCaseLocalLabel(input: { caseId: string; label: string | null }): CaseView
  /** Stops watching several cases in one call (a bulk removal). */
  unwatchCases(input: { caseIds: string[] }): void
  /** Undoes a removal: watches the cases again with the pin, mute and label they had. */
  rewatchCases(input: { cases: RewatchedCase[] }): CaseView[]
  /** A page of the account's cases for "Watch my recent cases", newest first; offset in steps of the page size. */
  listRecentCases(input: { offset: number }): RecentCasesAnswer
}

/** A removed case as the undo brings it back. */
export type RewatchedCase = Pick<CaseView, 'caseId' | 'isPinned' | 'isMuted' | 'localLabel'>

/** Main → renderer, pushed. Case updates are batched and are idempotent upserts by caseId. */
export interface Events {
  casesChanged: CaseView[]
  casesRemoved: string[]
  settingsChanged: SettingsView
  /** The analyst clicked a completion notification. */
  caseFocused: string
  /** The window was closed where the desktop has no tray, so it was minimised instead: sent the first time ever, to say why. */
  closedWithoutTray: null
  /** The analyst clicked a notification about several cases: the list shows only them, under this label. */
  casesFocused: { label: string; caseIds: string[] }
  /** Its own event, not part of settingsChanged: a background check must not reset a settings form being edited. */
  updateChanged: UpdateStatus
  /** How Veridox is reached for the whole account: pushed only when it changes, never per progress batch. */
  connectionChanged: ConnectionView
}

export type CommandName = keyof Commands
export type EventName = keyof Events
export type CommandInput<K extends CommandName> = Parameters<Commands[K]>
export type CommandOutput<K extends CommandName> = ReturnType<Commands[K]>

// Objects rather than arrays so the compiler checks that every command and event is listed.
const commandNameSet: { [K in CommandName]: true } = {
  getSnapshot: true,
  watchCases: true,
  unwatchCase: true,
  setCasePinned: true,
  setCaseMuted: true,
  retryCase: true,
  reportVisibleCases: true,
  updateSettings: true,
  setCredential: true,
  clearApiKey: true,
  confirmKeyEndpoint: true,
  startDemoCase: true,
  quitApp: true,
  markCasesSeen: true,
  getDiagnostics: true,
  setCaseLocalLabel: true,
  unwatchCases: true,
  rewatchCases: true,
  listRecentCases: true,
}
const eventNameSet: { [K in EventName]: true } = {
  casesChanged: true,
  casesRemoved: true,
  settingsChanged: true,
  caseFocused: true,
  closedWithoutTray: true,
  casesFocused: true,
  updateChanged: true,
  connectionChanged: true,
}
export const commandNames = Object.keys(commandNameSet) as CommandName[]
export const eventNames = Object.keys(eventNameSet) as EventName[]

export const commandChannel = (name: CommandName): string => `case-monitor:command:${name}`
export const eventChannel = (name: EventName): string => `case-monitor:event:${name}`

/** What the preload exposes on `window.caseMonitor`, and nothing more. */
export interface Bridge {
  commands: { [K in CommandName]: (...args: CommandInput<K>) => Promise<Result<CommandOutput<K>>> }
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

export const bridgeGlobalName = 'caseMonitor'
