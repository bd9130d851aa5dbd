import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SettingsView } from '@shared/backend'
import type { Commands } from '@shared/ipc'
import { useClient } from '../client'

export type SettingsPatch = Parameters<Commands['updateSettings']>[0]

/** What main says the settings are. The API key itself never lives here: only `hasApiKey`. */
export const useSettingsStore = defineStore('settings', () => {
  const client = useClient()
  const settings = ref<SettingsView | null>(null)

  const isSimulator = computed(() => settings.value?.mode === 'simulator')

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

  async function saveApiKey(apiKey: string): Promise<void> {
    apply(await client.setApiKey({ apiKey }))
  }

  async function removeApiKey(): Promise<void> {
    apply(await client.clearApiKey())
  }

  return { settings, isSimulator, apply, applySnapshot, update, saveApiKey, removeApiKey }
})
