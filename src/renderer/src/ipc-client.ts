import { AppError } from '@shared/errors'
import { bridgeGlobalName, commandNames, type Bridge, type CommandInput, type CommandName, type CommandOutput } from '@shared/ipc'

export type CaseMonitorClient = {
  [K in CommandName]: (...args: CommandInput<K>) => Promise<CommandOutput<K>>
} & { on: Bridge['on'] }

/** The renderer's one unwrapper: a failed command becomes an AppError carrying its code. */
export function createClient(bridge: Bridge): CaseMonitorClient {
  const client: Record<string, unknown> = { on: bridge.on }
  for (const name of commandNames) {
    const invoke = bridge.commands[name] as (...args: unknown[]) => ReturnType<Bridge['commands'][typeof name]>
    client[name] = async (...args: unknown[]) => {
      const result = await invoke(...args)
      if (!result.ok) throw new AppError(result.error.code, result.error.message)
      return result.value
    }
  }
  return client as CaseMonitorClient
}

export function bridgeFromWindow(): Bridge {
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[bridgeGlobalName]
  if (!bridge) throw new Error('Case Monitor must run inside its desktop window (the preload bridge is missing).')
  return bridge
}
