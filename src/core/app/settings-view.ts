import type { SettingsView } from '../../shared/backend'
import type { BackendSession } from './backend-session'
import type { SecretStore } from './secret-store'
import type { StoredSettings } from './settings-store'

/** What the renderer may know about the settings: whether a key is set, never the key. */
export function describeSettings(
  stored: StoredSettings,
  secrets: SecretStore,
  active: Pick<BackendSession, 'baseUrl'> | null,
): SettingsView {
  const hasApiKey = secrets.read() !== null
  return {
    mode: hasApiKey ? 'veridox' : 'simulator',
    region: stored.region,
    customBaseUrl: stored.customBaseUrl,
    activeBaseUrl: active?.baseUrl ?? null,
    hasApiKey,
    keyProtection: hasApiKey ? secrets.protection : null,
    notificationsEnabled: stored.notificationsEnabled,
  }
}
