import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Log } from '../runtime/log'
import { openConfDocument } from './conf-document'
import { StateFileError } from './state-file-error'

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'case-monitor-document-'))

function openLogged(directory: string, name: string) {
  const lines: string[] = []
  const log: Log = (level, message, fields) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`)
  return { document: openConfDocument({ directory, name, log, now: () => 1234 }), lines }
}

const writeError = (write: () => void): unknown => {
  try {
    write()
  } catch (error) {
    return error
  }
  return null
}

// Root reads every file whatever its mode, so a folder in the file's place is the real unreadable file here.
describe('a state file that cannot be read', () => {
  it('is left where it is, named in an error message, and never written over', () => {
    const directory = tempDir()
    const filePath = join(directory, 'state.json')
    mkdirSync(filePath)
    writeFileSync(join(filePath, 'inside.txt'), 'kept')
    const { document, lines } = openLogged(directory, 'state')

    expect(document.read()).toEqual({})
    const error = writeError(() => document.write({ version: 1, cases: [] }))
    document.setAside('damaged')

    expect(statSync(filePath).isDirectory()).toBe(true)
    expect(readdirSync(filePath)).toEqual(['inside.txt'])
    expect(readdirSync(directory)).toEqual(['state.json'])
    expect(lines.filter((line) => line.startsWith('error '))).toEqual([
      `error Could not read ${filePath} (a folder is in its place); it was left as it is, and nothing is saved over it in this run. {}`,
    ])
    expect(error).toBeInstanceOf(StateFileError)
    expect((error as StateFileError).problem).toBe('the file there could not be read: a folder is in its place')
  })

  it('is still moved aside when its content does not parse', () => {
    const directory = tempDir()
    writeFileSync(join(directory, 'state.json'), '{"version": 1, "cas')
    const { document } = openLogged(directory, 'state')
    expect(document.read()).toEqual({})
    expect(readdirSync(directory)).toEqual(['state.json.corrupt-1234'])
    document.write({ version: 1 })
    expect(openLogged(directory, 'state').document.read()).toEqual({ version: 1 })
  })
})

describe('a state file that cannot be written', () => {
  it('fails the write with our words for why, not the system message', () => {
    const directory = tempDir()
    writeFileSync(join(directory, 'not-a-folder'), '')
    const { document, lines } = openLogged(join(directory, 'not-a-folder', 'state'), 'ledger')

    expect(document.read()).toEqual({})
    const error = writeError(() => document.write({ version: 2 }))

    expect(error).toBeInstanceOf(StateFileError)
    expect((error as StateFileError).folder).toBe(join(directory, 'not-a-folder', 'state'))
    expect((error as StateFileError).problem).toBe('part of its path is a file, not a folder')
    expect((error as Error).message).not.toMatch(/ENOTDIR|mkdir/)
    // Nothing was there to protect, so opening it is no news; the failed write is reported by its owner.
    expect(lines).toEqual([])
  })
})
