import { existsSync, renameSync } from 'node:fs'
import type { Log } from '../runtime/log'

/** A JSON file written atomically (conf / electron-store write a temp file and rename it). */
export interface JsonDocument {
  read(): unknown
  write(value: Record<string, unknown>): void
  /** Moves a file that cannot be trusted out of the way and starts afresh. Never fatal. */
  setAside(reason: string): void
}

/** The part of conf and electron-store this app uses; both have the same engine and file format. */
export interface ConfLike {
  store: Record<string, unknown>
}

export function openJsonDocument(options: { filePath: string; create: () => ConfLike; log: Log; now: () => number }): JsonDocument {
  const { filePath, log } = options

  function moveAside(reason: string): void {
    if (!existsSync(filePath)) return
    const asidePath = `${filePath}.corrupt-${options.now()}`
    renameSync(filePath, asidePath)
    log('warn', 'set aside an unreadable state file and started a fresh one', { file: filePath, kept: asidePath, reason })
  }

  let conf: ConfLike
  try {
    conf = options.create()
  } catch (error) {
    moveAside(error instanceof SyntaxError ? 'not valid JSON' : 'could not be opened')
    conf = options.create()
  }

  return {
    read() {
      try {
        return conf.store
      } catch {
        moveAside('not valid JSON')
        return {}
      }
    },
    write(value) {
      conf.store = value
    },
    setAside(reason) {
      moveAside(reason)
      conf = options.create()
    },
  }
}
