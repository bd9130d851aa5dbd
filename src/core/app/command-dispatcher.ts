import { AppError, type Result } from '../../shared/errors'
import { commandNames, type CommandInput, type CommandName, type CommandOutput } from '../../shared/ipc'
import { commandInputSchemas } from '../../shared/ipc-schemas'
import type { Log } from '../runtime/log'

export type CommandHandlers = {
  [K in CommandName]: (...args: CommandInput<K>) => CommandOutput<K> | Promise<CommandOutput<K>>
}

export type CommandDispatcher = (name: string, args: unknown[]) => Promise<Result<unknown>>

const knownCommands = new Set<string>(commandNames)

/**
 * Main's side of the contract, free of Electron: every call is validated against the contract's
 * schemas, and every outcome becomes data. Unexpected failures are logged here and reach the
 * renderer only as a generic message, because raw messages can hold paths or keys.
 */
export function createCommandDispatcher(handlers: CommandHandlers, log: Log): CommandDispatcher {
  return async (name, args) => {
    if (!knownCommands.has(name)) return { ok: false, error: { code: 'invalid_input', message: `Unknown command: ${name.slice(0, 64)}` } }
    const command = name as CommandName
    const parsed = commandInputSchemas[command].safeParse(args)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.filter((part) => typeof part === 'string').join('.')
      return { ok: false, error: { code: 'invalid_input', message: `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid input'}` } }
    }
    try {
      const handler = handlers[command] as (...input: unknown[]) => unknown
      return { ok: true, value: await handler(...(parsed.data as unknown[])) }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() }
      log('error', 'a command failed unexpectedly', { command, reason: error instanceof Error ? error.name : 'unknown' })
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Case Monitor. The details are in its log.' } }
    }
  }
}
