import { onScopeDispose, readonly, ref } from 'vue'

/** How long a line that confirms something ("Region saved.") stays before it clears itself. */
export const FLEETING_MS = 6_000

/**
 * A status line that clears itself: a confirmation goes after `durationMs`, a message about work still in
 * progress (`isLasting`, "Checking the key…") stays until the next one replaces it. Errors belong elsewhere:
 * they stay until the analyst acts.
 */
export function useFleetingText(durationMs = FLEETING_MS) {
  const text = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  onScopeDispose(() => clearTimeout(timer))

  function show(value: string, { isLasting = false }: { isLasting?: boolean } = {}): void {
    clearTimeout(timer)
    text.value = value
    if (value !== '' && !isLasting) timer = setTimeout(() => (text.value = ''), durationMs)
  }

  return { text: readonly(text), show }
}
