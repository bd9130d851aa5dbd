import type { SettingsView } from '../backend'

/** The settings a fresh install sends the window (simulator, no key), with the fields a test changes. */
export function settingsViewFixture(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    mode: 'simulator',
    region: 'uk',
    customBaseUrl: null,
    hostStyle: 'classic',
    activeBaseUrl: 'http://127.0.0.1:4010',
    hasApiKey: false,
    credentialKind: null,
    keyProtection: null,
    keychain: 'protected',
    keyEndpoint: null,
    isKeyForOtherEndpoint: false,
    savedKeyProblem: null,
    notificationsEnabled: true,
    startAtLogin: false,
    hasTray: true,
    doNotDisturb: false,
    quietHours: null,
    isPaused: false,
    updatesEnabled: true,
    updateFeedUrl: null,
    theme: 'system',
    density: 'comfortable',
    isDemoBannerDismissed: false,
    ...overrides,
  }
}
