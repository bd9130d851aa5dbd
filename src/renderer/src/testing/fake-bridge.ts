import { AppError } from '@shared/errors'
import type { Result } from '@shared/errors'
import type { Bridge, CommandInput, CommandName, CommandOutput, EventName, Events } from '@shared/ipc'

type Handler<K extends CommandName> = (...args: CommandInput<K>) => CommandOutput<K> | Promise<CommandOutput<K>>
export type FakeHandlers = { [K in CommandName]?: Handler<K> }

export interface FakeBridge {
  bridge: Bridge
  calls: { name: CommandName; args: unknown[] }[]
  callsTo(name: CommandName): unknown[][]
  emit<E extends EventName>(event: E, payload: Events[E]): void
  listenerCount(event: EventName): number
}

/** A test double of the preload transport: records commands and lets a test push events. */
export function createFakeBridge(handlers: FakeHandlers = {}): FakeBridge {
  const calls: FakeBridge['calls'] = []
  const listeners = new Map<EventName, Set<(payload: never) => void>>()

  async function run<K extends CommandName>(name: K, args: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
    calls.push({ name, args })
    const handler = handlers[name] as Handler<K> | undefined
    if (!handler) return { ok: false, error: { code: 'not_available', message: `no fake for ${name}` } }
    try {
      return { ok: true, value: await handler(...args) }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() }
      throw error
    }
  }

  const bridge = {
    commands: {
      getSnapshot: (...args) => run('getSnapshot', args),
      watchCases: (...args) => run('watchCases', args),
      unwatchCase: (...args) => run('unwatchCase', args),
      setCasePinned: (...args) => run('setCasePinned', args),
      setCaseMuted: (...args) => run('setCaseMuted', args),
      retryCase: (...args) => run('retryCase', args),
      reportVisibleCases: (...args) => run('reportVisibleCases', args),
      updateSettings: (...args) => run('updateSettings', args),
      setCredential: (...args) => run('setCredential', args),
      clearApiKey: (...args) => run('clearApiKey', args),
      confirmKeyEndpoint: (...args) => run('confirmKeyEndpoint', args),
      startDemoCase: (...args) => run('startDemoCase', args),
      quitApp: (...args) => run('quitApp', args),
      markCasesSeen: (...args) => run('markCasesSeen', args),
      getDiagnostics: (...args) => run('getDiagnostics', args),
      setCaseLocalLabel: (...args) => run('setCaseLocalLabel', args),
      unwatchCases: (...args) => run('unwatchCases', args),
      rewatchCases: (...args) => run('rewatchCases', args),
      listRecentCases: (...args) => run('listRecentCases', args),
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    },
  } satisfies Bridge

  return {
    bridge,
    calls,
    callsTo: (name) => calls.filter((call) => call.name === name).map((call) => call.args),
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload)
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  }
}
