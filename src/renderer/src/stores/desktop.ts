import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useClient } from '../client'

/** How the app lives on this desktop: the once-only word about a missing tray, and quitting from the window. */
export const useDesktopStore = defineStore('desktop', () => {
  const client = useClient()
  const isNoTrayExplanationShown = ref(false)

  function explainNoTray(): void {
    isNoTrayExplanationShown.value = true
  }

  function dismissNoTrayExplanation(): void {
    isNoTrayExplanationShown.value = false
  }

  async function quit(): Promise<void> {
    await client.quitApp()
  }

  return { isNoTrayExplanationShown, explainNoTray, dismissNoTrayExplanation, quit }
})
