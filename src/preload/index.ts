import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { bridgeGlobalName, commandChannel, eventChannel } from '../shared/ipc'
import type { Result } from '../shared/errors'
import { createBridge } from './bridge'

const bridge = createBridge({
  invoke: (command, args) => ipcRenderer.invoke(commandChannel(command), ...args) as Promise<Result<unknown>>,
  subscribe(event, listener) {
    // The IpcRendererEvent is dropped: it exposes `sender`, which must not reach the page.
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(eventChannel(event), wrapped)
    return () => {
      ipcRenderer.removeListener(eventChannel(event), wrapped)
    }
  },
})

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge)
