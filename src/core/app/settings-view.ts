import type { SettingsView } from '../../shared/backend'
import type { BackendSession } from './backend-session'
import { credentialForEndpoint, shownCredential, type SecretStore } from './secret-store'
import type { StoredSettings } from './settings-store'

/** What the renderer may know about the settings: which kind of credential is set, for which host and how it is kept, never the credential. */
export function describeSettings(
  stored: StoredSettings,
  secrets: SecretStore,
  active: Pick<BackendSession, 'baseUrl'> | null,
  desktop: { hasTray: boolean; isPaused: boolean } = { hasTray: true, isPaused: false },
): SettingsView {
  const saved = secrets.list()
  const isKeyForThisEndpoint = credentialForEndpoint(saved, stored) !== null
  const shown = shownCredential(saved, stored)
  return {
    mode: isKeyForThisEndpoint ? 'veridox' : 'simulator',
    region: stored.region,
    customBaseUrl: stored.customBaseUrl,
    hostStyle: stored.hostStyle,
    activeBaseUrl: active?.baseUrl ?? null,
    hasApiKey: shown !== null,
    credentialKind: shown?.kind ?? null,
    keyProtection: shown?.protection ?? null,
    keychain: secrets.availability,
    keyEndpoint: shown?.endpoint ?? null,
    isKeyForOtherEndpoint: shown !== null && !isKeyForThisEndpoint,
    savedKeyProblem: secrets.savedKeyProblem,
    notificationsEnabled: stored.notificationsEnabled,
    startAtLogin: stored.startAtLogin,
    hasTray: desktop.hasTray,
    doNotDisturb: stored.doNotDisturb,
    quietHours: stored.quietHours,
    isPaused: desktop.isPaused,
    updatesEnabled: stored.updatesEnabled,
    updateFeedUrl: stored.updateFeedUrl,
    theme: stored.theme,
    density: stored.density,
    isDemoBannerDismissed: stored.isDemoBannerDismissed,
  }
}
