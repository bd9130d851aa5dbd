import type { KeyProtection, SettingsView } from '@shared/backend'
import type { CredentialKind } from '@shared/credential-rules'

interface KindWords {
  option: string
  field: string
  placeholder: string
  save: string
  saved: string
  help: string
  empty: string
}

export const credentialKindText: Record<CredentialKind, KindWords> = {
  api_key: {
    option: 'API key',
    field: 'Veridox API key',
    placeholder: 'vdx_…',
    save: 'Save key',
    saved: 'A key is saved',
    help: 'Create a key in the Veridox dashboard. Once saved, it is never shown again, not even here.',
    empty: 'Paste your Veridox API key first.',
  },
  access_token: {
    option: 'Access token',
    field: 'Veridox access token',
    placeholder: 'eyJ…',
    save: 'Save token',
    saved: 'An access token is saved',
    help: 'A session token from the Veridox dashboard, sent as Authorization: Bearer. It expires; once saved, it is never shown again.',
    empty: 'Paste your Veridox access token first.',
  },
}

export const basicTextWarning =
  'This computer has no system keychain Case Monitor can use (only Linux’s basic_text fallback), so a stored credential could be read by other programs on this computer.'

export const storageChoiceWords = {
  session: 'Keep for this session only',
  keychain: 'Store anyway (readable by other programs on this computer)',
} as const

/** How a saved credential is kept, in the analyst's words. */
export function protectionWords(protection: KeyProtection, keychain: SettingsView['keychain']): string {
  if (protection === 'os') return 'Encrypted by your system’s keychain.'
  if (protection === 'obfuscated') return 'Stored with Linux’s basic_text fallback: other programs on this computer can read it.'
  if (keychain === 'unavailable') return 'This computer has no keychain Case Monitor can use, so the key is kept only until the app quits.'
  return 'Kept for this session only: Case Monitor forgets it when it quits.'
}
