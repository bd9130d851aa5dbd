import { onMounted, watch, type Ref } from 'vue'

/**
 * A native <dialog> shown modally while `isOpen()` holds; when it closes (Escape, the close button or the
 * parent), focus goes back to what had it before, so it never falls to <body>.
 */
export function useModalDialog(
  dialog: Readonly<Ref<HTMLDialogElement | null>>,
  isOpen: () => boolean,
  { onOpened, onClosed }: { onOpened?: () => void; onClosed: () => void },
) {
  let returnFocus: HTMLElement | null = null

  function sync(open: boolean): void {
    const element = dialog.value
    if (!element) return
    if (open && !element.open) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null
      element.showModal()
      onOpened?.()
    }
    if (!open && element.open) element.close()
  }
  watch(isOpen, sync)
  onMounted(() => sync(isOpen()))

  /** For the dialog's `close` event. */
  function onClose(): void {
    onClosed()
    if (returnFocus?.isConnected) returnFocus.focus()
    returnFocus = null
  }

  return { onClose }
}
