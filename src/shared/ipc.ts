import type { SettingsView, RegionId } from './backend'
import type { CaseView } from './case-view'
import type { Result } from './errors'
import type { UpdateStatus } from './updates'

export interface AppSnapshot {
  cases: CaseView[]
  settings: SettingsView
  update: UpdateStatus
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
    notificationsEnabled?: boolean
    updatesEnabled?: boolean
    updateFeedUrl?: string | null
  }): SettingsView
  /** The key goes in and never comes back out: the renderer only ever learns `hasApiKey`. */
  setApiKey(input: { apiKey: string }): SettingsView
  clearApiKey(): SettingsView
  /** Binds the saved key to the chosen host, which the analyst was shown as `endpoint`, once that host accepts it. */
  confirmKeyEndpoint(input: { endpoint: string }): SettingsView
  /** Simulator mode only: create a new case on the built-in simulator and watch it. */
  startDemoCase(): CaseView
}

/** Main → renderer, pushed. Case updates are batched and are idempotent upserts by caseId. */
export interface Events {
  casesChanged: CaseView[]
  casesRemoved: string[]
  settingsChanged: SettingsView
  /** The analyst clicked a completion notification. */
  caseFocused: string
  /** Its own event, not part of settingsChanged: a background check must not reset a settings form being edited. */
  updateChanged: UpdateStatus
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
  retryCase: true,
  reportVisibleCases: true,
  updateSettings: true,
  setApiKey: true,
  clearApiKey: true,
  confirmKeyEndpoint: true,
  startDemoCase: true,
}
const eventNameSet: { [K in EventName]: true } = {
  casesChanged: true,
  casesRemoved: true,
  settingsChanged: true,
  caseFocused: true,
  updateChanged: true,
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
