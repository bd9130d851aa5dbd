import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { commandChannel, commandNames, eventChannel } from '../../shared/ipc'
import type { CommandDispatcher } from '../../core/app/command-dispatcher'
import type { EventSink } from '../../core/app/delta-batcher'

/**
 * Registers one handler per contract command. Calls from any frame but the app's own page are
 * refused (Electron security checklist: validate the sender of all IPC messages).
 */
export function registerCommandHandlers(dispatch: CommandDispatcher, isTrustedFrameUrl: (url: string) => boolean): () => void {
  for (const name of commandNames) {
    ipcMain.handle(commandChannel(name), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url ?? ''
      if (!isTrustedFrameUrl(frameUrl)) {
        return { ok: false, error: { code: 'invalid_input', message: 'This page may not talk to Case Monitor.' } }
      }
      return dispatch(name, args)
    })
  }
  return () => commandNames.forEach((name) => ipcMain.removeHandler(commandChannel(name)))
}

export function createEventSender(target: () => WebContents | null): EventSink {
  return (event, payload) => {
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(eventChannel(event), payload)
  }
}
