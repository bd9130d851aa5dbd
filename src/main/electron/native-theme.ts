import { nativeTheme } from 'electron'
import type { SettingsStore } from '../../core/app/settings-store'

/**
 * The settings store, with its theme handed to nativeTheme now and after every save: native menus,
 * scrollbars and dialogs follow it, and so does the window's prefers-color-scheme from its first paint.
 */
export function followThemeSetting(store: SettingsStore): SettingsStore {
  nativeTheme.themeSource = store.get().theme
  return {
    get: () => store.get(),
    update(patch) {
      const saved = store.update(patch)
      if (nativeTheme.themeSource !== saved.theme) nativeTheme.themeSource = saved.theme
      return saved
    },
  }
}
