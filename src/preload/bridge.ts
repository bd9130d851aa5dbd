import { commandNames, eventNames, type Bridge, type CommandName, type EventName, type Events } from '../shared/ipc'
import type { Result } from '../shared/errors'

/** How the bridge reaches main: Electron's ipcRenderer in the app, a Playwright binding in browser tests. */
export interface BridgeTransport {
  invoke(command: CommandName, args: unknown[]): Promise<Result<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

/** Derived from the contract alone: one function per command and a typed `on`, nothing else. */
export function createBridge(transport: BridgeTransport): Bridge {
  const commands = Object.fromEntries(
    commandNames.map((name) => [name, (...args: unknown[]) => transport.invoke(name, args)]),
  ) as unknown as Bridge['commands']
  const knownEvents = new Set<string>(eventNames)
  return Object.freeze({
    commands: Object.freeze(commands),
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      if (!knownEvents.has(event)) throw new Error(`Unknown event: ${String(event)}`)
      return transport.subscribe(event, listener as (payload: unknown) => void)
    },
  })
}
