import type { SettingsView } from '../../shared/backend'
import type { BackendSession } from './backend-session'
import { keyForEndpoint, type SecretStore } from './secret-store'
import type { StoredSettings } from './settings-store'

/** What the renderer may know about the settings: whether a key is set and for which host, never the key. */
export function describeSettings(
  stored: StoredSettings,
  secrets: SecretStore,
  active: Pick<BackendSession, 'baseUrl'> | null,
): SettingsView {
  const saved = secrets.read()
  const isKeyForThisEndpoint = keyForEndpoint(saved, stored) !== null
  return {
    mode: isKeyForThisEndpoint ? 'veridox' : 'simulator',
    region: stored.region,
    customBaseUrl: stored.customBaseUrl,
    activeBaseUrl: active?.baseUrl ?? null,
    hasApiKey: saved !== null,
    keyProtection: saved ? secrets.protection : null,
    keyEndpoint: saved?.endpoint ?? null,
    isKeyForOtherEndpoint: saved !== null && !isKeyForThisEndpoint,
    savedKeyProblem: secrets.savedKeyProblem,
    notificationsEnabled: stored.notificationsEnabled,
    updatesEnabled: stored.updatesEnabled,
    updateFeedUrl: stored.updateFeedUrl,
  }
}
