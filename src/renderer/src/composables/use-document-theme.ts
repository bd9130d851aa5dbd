import { watchEffect } from 'vue'
import type { Theme } from '@shared/backend'

/**
 * Puts a light or dark choice on <html data-theme>, where it beats the system's; for 'system' (and until the
 * settings arrive) there is no attribute and styles.css follows prefers-color-scheme, which Electron already
 * points at the choice through nativeTheme, so the first paint is the right colour.
 */
export function useDocumentTheme(theme: () => Theme | undefined): void {
  watchEffect(() => {
    const chosen = theme()
    const root = document.documentElement
    if (chosen === 'light' || chosen === 'dark') root.dataset.theme = chosen
    else delete root.dataset.theme
  })
}
