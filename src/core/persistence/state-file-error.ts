import { dirname } from 'node:path'

/** A state file that could not be written; `problem` is in our words, never the system's message (it holds paths). */
export class StateFileError extends Error {
  override readonly name = 'StateFileError'

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`Could not save ${file} (${problem}).`)
  }

  get folder(): string {
    return dirname(this.file)
  }
}

const readProblems: Record<string, string> = {
  EACCES: 'no permission to read it',
  EPERM: 'no permission to read it',
  EISDIR: 'a folder is in its place',
}

const writeProblems: Record<string, string> = {
  EACCES: 'read-only',
  EPERM: 'read-only',
  EROFS: 'read-only',
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota full',
  EISDIR: 'a folder is in its place',
}

const sharedProblems: Record<string, string> = {
  ENOTDIR: 'part of its path is a file, not a folder',
  ENOENT: 'its folder does not exist',
  ENAMETOOLONG: 'path too long',
  ELOOP: 'too many symbolic links',
  EIO: 'disk error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
}

/** Words for why a file operation failed, from the error's code alone. */
export function fileProblem(error: unknown, operation: 'read' | 'write'): string {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return 'unexpected error'
  const words = (operation === 'read' ? readProblems : writeProblems)[code] ?? sharedProblems[code]
  if (words) return words
  return /^E[A-Z0-9]{1,15}$/.test(code) ? `system error ${code}` : 'unexpected error'
}
