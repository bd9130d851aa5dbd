import { onBeforeUnmount, onMounted } from 'vue'

/** True while the analyst is typing: shortcuts other than Escape must not steal the keys. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)
}

export interface Shortcuts {
  /** `/`: focus the search box. */
  search: () => void
  /** `?`: show the shortcut list. */
  help: () => void
  /** Ctrl+, (Cmd+, on macOS): open settings. */
  settings: () => void
}

/** The window-wide shortcuts; the row keys (↑/↓, j/k, Enter, p, x) live on the list itself. */
export function useShortcuts(shortcuts: Shortcuts): void {
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey) return
    const command = event.ctrlKey || event.metaKey
    let action: (() => void) | undefined
    if (command && !event.shiftKey && event.key === ',') action = shortcuts.settings
    else if (!command && !isTypingTarget(event.target) && !inOpenDialog(event.target)) {
      if (event.key === '/') action = shortcuts.search
      else if (event.key === '?') action = shortcuts.help
    }
    if (!action) return
    event.preventDefault()
    action()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}

function inOpenDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open]') !== null
}
