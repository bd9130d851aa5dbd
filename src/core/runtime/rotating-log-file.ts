import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

export interface RotatingLogFileOptions {
  path: string
  maxBytes: number
  /** Older files kept beside it: `<path>.1` is the newest, `<path>.<keptFiles>` the oldest. */
  keptFiles: number
}

/**
 * The log an analyst sends to support: 5 MB stays small enough to attach to an email, and two older
 * files keep the hours before a problem was noticed, so the folder never holds more than 15 MB.
 */
export const appLogFileLimits = { maxBytes: 5_000_000, keptFiles: 2 }

export interface RotatingLogFile {
  /** Appends one line; never throws, since a full disk must not stop the app (the line is lost). */
  writeLine(line: string): void
  close(): void
}

/**
 * Rotated while writing, before a line would take the file past `maxBytes`, so the file never exceeds
 * it. Writes are synchronous so the size is always exact and a rotation cannot reorder lines.
 */
export function openRotatingLogFile(options: RotatingLogFileOptions): RotatingLogFile {
  const { path, maxBytes, keptFiles } = options
  let descriptor: number | null = null
  let size = 0

  function open(): number {
    mkdirSync(dirname(path), { recursive: true })
    descriptor = openSync(path, 'a')
    size = fstatSync(descriptor).size
    return descriptor
  }

  function rotate(): void {
    if (descriptor !== null) closeSync(descriptor)
    descriptor = null
    rmSync(`${path}.${keptFiles}`, { force: true })
    for (let index = keptFiles - 1; index >= 1; index -= 1) renameIfPresent(`${path}.${index}`, `${path}.${index + 1}`)
    if (keptFiles > 0) renameIfPresent(path, `${path}.1`)
    else rmSync(path, { force: true })
  }

  function append(text: string): void {
    const bytes = Buffer.from(text, 'utf8')
    let target = descriptor ?? open()
    if (size > 0 && size + bytes.byteLength > maxBytes) {
      rotate()
      target = open()
    }
    writeSync(target, bytes)
    size += bytes.byteLength
  }

  function closeQuietly(): void {
    try {
      if (descriptor !== null) closeSync(descriptor)
    } catch {
      // already unusable; the next write opens the file again
    }
    descriptor = null
  }

  return {
    writeLine(line) {
      const text = `${line}\n`
      const length = Buffer.byteLength(text)
      const kept = length <= maxBytes ? text : `[a log line of ${length} bytes was too long to keep]\n`
      if (Buffer.byteLength(kept) > maxBytes) return
      try {
        append(kept)
      } catch {
        // The console still has the line; the next write tries the file again.
        closeQuietly()
      }
    },
    close: closeQuietly,
  }
}

function renameIfPresent(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
