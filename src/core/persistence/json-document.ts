import { lstatSync, renameSync } from 'node:fs'
import type { Log } from '../runtime/log'
import { fileProblem, StateFileError } from './state-file-error'

/** A JSON file written atomically (conf / electron-store write a temp file and rename it). */
export interface JsonDocument {
  read(): unknown
  /** Throws `StateFileError` when the file cannot be written. */
  write(value: Record<string, unknown>): void
  /** Moves a file that cannot be trusted out of the way and starts afresh. Never fatal. */
  setAside(reason: string): void
}

/** The part of conf and electron-store this app uses; both have the same engine and file format. */
export interface ConfLike {
  store: Record<string, unknown>
}

const isSomethingAt = (path: string): boolean => {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

/**
 * Only content that does not parse is damaged and moved aside. A file that cannot be read for any
 * other reason (permissions, a folder in its place) may be perfectly good: it is left where it is, and
 * nothing is written over it in this run.
 */
export function openJsonDocument(options: { filePath: string; create: () => ConfLike; log: Log; now: () => number }): JsonDocument {
  const { filePath, log } = options
  let conf: ConfLike | null = null
  let leftAlone: string | null = null

  function leaveAlone(what: 'read' | 'set aside', problem: string): void {
    leftAlone = `the file there could not be ${what}: ${problem}`
    log('error', `Could not ${what} ${filePath} (${problem}); it was left as it is, and nothing is saved over it in this run.`)
  }

  function moveAside(reason: string): boolean {
    if (!isSomethingAt(filePath)) return true
    const asidePath = `${filePath}.corrupt-${options.now()}`
    try {
      renameSync(filePath, asidePath)
    } catch (error) {
      const code = (error as { code?: unknown }).code
      const isNameTaken = code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST'
      leaveAlone('set aside', isNameTaken ? 'the name for its copy is taken' : fileProblem(error, 'write'))
      return false
    }
    log('warn', 'set aside an unreadable state file and started a fresh one', { file: filePath, kept: asidePath, reason })
    return true
  }

  /** Nothing at the path (its folder cannot be reached or made) is nothing to protect: a write will say why it fails. */
  function cannotRead(error: unknown): void {
    if (error instanceof SyntaxError) moveAside('not valid JSON')
    else if (isSomethingAt(filePath)) leaveAlone('read', fileProblem(error, 'read'))
  }

  function open(): ConfLike | null {
    for (let attempt = 0; attempt < 2 && leftAlone === null; attempt++) {
      try {
        return options.create()
      } catch (error) {
        cannotRead(error)
        if (!(error instanceof SyntaxError)) return null
      }
    }
    return null
  }

  conf = open()

  return {
    read() {
      if (leftAlone !== null) return {}
      conf ??= open()
      try {
        return conf?.store ?? {}
      } catch (error) {
        cannotRead(error)
        conf = null
        return {}
      }
    },
    write(value) {
      if (leftAlone !== null) throw new StateFileError(filePath, leftAlone)
      try {
        conf ??= options.create()
        conf.store = value
      } catch (error) {
        throw new StateFileError(filePath, fileProblem(error, 'write'))
      }
    },
    setAside(reason) {
      if (leftAlone === null && moveAside(reason)) conf = null
    },
  }
}
