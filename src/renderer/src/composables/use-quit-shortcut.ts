import { onBeforeUnmount, onMounted } from 'vue'

/** Ctrl+Q (Cmd+Q on macOS) quits from the window: where there is no tray, there is no tray menu to quit from. */
export function useQuitShortcut(quit: () => void): void {
  const onKeydown = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'q') return
    event.preventDefault()
    quit()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
