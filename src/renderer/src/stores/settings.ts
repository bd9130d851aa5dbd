import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { keyEndpointOf, regionBaseUrl, type SettingsView } from '@shared/backend'
import type { Commands } from '@shared/ipc'
import type { CredentialKind } from '@shared/credential-rules'
import { useClient } from '../client'

export type SettingsPatch = Parameters<Commands['updateSettings']>[0]

/** What main says the settings are. The credential itself never lives here: only whether one is saved, its kind and how it is kept. */
export const useSettingsStore = defineStore('settings', () => {
  const client = useClient()
  const settings = ref<SettingsView | null>(null)

  const isSimulator = computed(() => settings.value?.mode === 'simulator')
  /** The demo banner offers a demo case and the way to a key, until the analyst closes it; the header keeps saying "Demo". */
  const isDemoBannerShown = computed(() => isSimulator.value && settings.value?.isDemoBannerDismissed === false)
  /** The origin of the region or address chosen now, which a saved key can be moved to. */
  const chosenEndpoint = computed(() => {
    const baseUrl = settings.value ? regionBaseUrl(settings.value.region, settings.value.customBaseUrl, settings.value.hostStyle) : null
    if (!baseUrl || !URL.canParse(baseUrl)) return null
    return keyEndpointOf(baseUrl)
  })

  function apply(view: SettingsView): void {
    settings.value = view
  }

  // settingsChanged carries no timestamp; one that arrived while the snapshot was in flight is at
  // least as new as the snapshot, so the snapshot only fills in what is still unknown.
  function applySnapshot(view: SettingsView): void {
    if (settings.value === null) settings.value = view
  }

  async function update(patch: SettingsPatch): Promise<void> {
    apply(await client.updateSettings(patch))
  }

  /** `storage` only where the keychain is basic_text: the analyst's choice between this session and storing it anyway. */
  async function saveCredential(kind: CredentialKind, secret: string, storage?: 'keychain' | 'session'): Promise<void> {
    apply(await client.setCredential(storage ? { kind, secret, storage } : { kind, secret }))
  }

  async function removeApiKey(): Promise<void> {
    apply(await client.clearApiKey())
  }

  async function moveKeyTo(endpoint: string): Promise<void> {
    apply(await client.confirmKeyEndpoint({ endpoint }))
  }

  return { settings, isSimulator, isDemoBannerShown, chosenEndpoint, apply, applySnapshot, update, saveCredential, removeApiKey, moveKeyTo }
})
