import type { SavedKeyProblem, SettingsView } from '@shared/backend'
import { hostOf } from './backend-words'

export const savedKeyProblemWords: Record<SavedKeyProblem, string> = {
  keychain_unavailable:
    'Your saved API key cannot be read: the system keychain is unavailable. It has not been deleted; Case Monitor will use it when the keychain is back — or enter it again.',
  unreadable:
    'Your saved API key cannot be read: the system keychain could not open it (the keychain changed, or the saved entry is damaged). It was kept on disk; enter the key again to replace it.',
}

/** The settings panel's one line on why it shows demo data while a key is saved somewhere. */
export const savedKeyProblemModeWords: Record<SavedKeyProblem, string> = {
  keychain_unavailable: 'Showing demo data: your saved API key cannot be read until the system keychain is back.',
  unreadable: 'Showing demo data: your saved API key cannot be read. Enter it again to watch real cases.',
}

type KeyState = Pick<SettingsView, 'savedKeyProblem' | 'isKeyForOtherEndpoint' | 'keyEndpoint'>

/** Why a key the analyst has saved is not in use, in their words; null when no key was ever saved. */
export function unusedKeyWords(settings: KeyState, chosenEndpoint: string | null): string | null {
  if (settings.savedKeyProblem) return savedKeyProblemWords[settings.savedKeyProblem]
  if (!settings.isKeyForOtherEndpoint) return null
  const chosen = hostOf(chosenEndpoint) ?? 'the chosen host'
  const keyHost = hostOf(settings.keyEndpoint)
  const saved = keyHost ? `Your API key is saved for ${keyHost}` : 'Your saved API key is not tied to a Veridox host yet'
  return `${saved} and must be confirmed for ${chosen} before Case Monitor uses it there.`
}

/** The button that takes the analyst to Settings from a demo-data notice. */
export function keyActionWords(settings: KeyState): string {
  if (settings.savedKeyProblem) return 'Enter key again'
  return settings.isKeyForOtherEndpoint ? 'Confirm key' : 'Add API key'
}
