import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCompletionLedger } from '../monitor/completion-ledger'
import { createWatchPersistence } from '../monitor/watch-persistence'
import { systemClock } from '../runtime/clock'
import { silentLog, type Log } from '../runtime/log'
import { openConfDocument } from './conf-document'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'case-monitor-test-'))
const open = (directory: string, name: string, log: Log = silentLog) => openConfDocument({ directory, name, log, now: () => 1234 })

describe('JSON documents on disk', () => {
  it('round-trips what is written', () => {
    const directory = tempDir()
    open(directory, 'state').write({ version: 1, cases: [] })
    expect(open(directory, 'state').read()).toEqual({ version: 1, cases: [] })
  })

  it('sets a corrupted file aside, keeps it for inspection and starts afresh', () => {
    const directory = tempDir()
    writeFileSync(join(directory, 'state.json'), '{"version": 1, "cases": [tru')
    const lines: string[] = []
    const document = open(directory, 'state', (_level, message) => lines.push(message))
    expect(document.read()).toEqual({})
    expect(readdirSync(directory)).toContain('state.json.corrupt-1234')
    expect(readFileSync(join(directory, 'state.json.corrupt-1234'), 'utf8')).toContain('[tru')
    expect(lines.join('\n')).toMatch(/set aside/)
    document.write({ version: 1, cases: [] })
    expect(open(directory, 'state').read()).toEqual({ version: 1, cases: [] })
  })
})

describe('completion ledger', () => {
  it('records a completion once, across restarts', () => {
    const directory = tempDir()
    const ledger = openCompletionLedger(open(directory, 'ledger'), silentLog)
    const announcement = { caseId, label: null, risk: null, fileCount: 1, failedFileCount: 0, completedAt: 1 }
    expect(ledger.record(announcement)).toBe(true)
    expect(ledger.record({ ...announcement, completedAt: 2 })).toBe(false)
    const reopened = openCompletionLedger(open(directory, 'ledger'), silentLog)
    expect(reopened.has(caseId)).toBe(true)
    expect(reopened.record({ ...announcement, completedAt: 3 })).toBe(false)
  })

  it('survives a ledger file of the wrong shape', () => {
    const directory = tempDir()
    writeFileSync(join(directory, 'ledger.json'), JSON.stringify({ version: 7, announced: 'yes' }))
    const ledger = openCompletionLedger(open(directory, 'ledger'), silentLog)
    expect(ledger.has(caseId)).toBe(false)
    expect(readdirSync(directory).some((name) => name.startsWith('ledger.json.corrupt'))).toBe(true)
  })
  it('sets unreadable entries aside in a .corrupt copy, names their cases, and keeps the readable ones', () => {
    const directory = tempDir()
    const other = '019bfb3c-1257-7455-af2e-0cd3cadab5c8'
    const pendingOne = { caseId: other, label: 'x'.repeat(5_000), risk: null, fileCount: 1, failedFileCount: 0, completedAt: 2 }
    const original = { version: 2, announced: { [caseId]: 1, [other]: 2, broken: 'yes' }, pending: { [other]: pendingOne } }
    writeFileSync(join(directory, 'ledger.json'), JSON.stringify(original))
    const lines: string[] = []
    const log: Log = (level, message, fields) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`)

    const ledger = openCompletionLedger(open(directory, 'ledger', log), log)

    expect(ledger.has(caseId) && ledger.has(other)).toBe(true)
    expect(ledger.pending()).toEqual([])
    expect(JSON.parse(readFileSync(join(directory, 'ledger.json.corrupt-1234'), 'utf8'))).toEqual(original)
    expect(JSON.parse(readFileSync(join(directory, 'ledger.json'), 'utf8'))).toEqual({
      version: 2,
      announced: { [caseId]: 1, [other]: 2 },
      pending: {},
    })
    expect(lines.filter((line) => line.startsWith('error '))).toEqual([
      'error set aside an unreadable entry of the completion ledger {"caseId":"broken"}',
      `error set aside an unreadable entry of the completion ledger {"caseId":"${other}"}`,
    ])
  })
})

describe('watch persistence', () => {
  const entry = {
    caseId,
    addedAt: 5,
    isPinned: true,
    lastEventId: 'e-7',
    label: 'Claim 42',
    files: [],
    isComplete: false,
    completedAt: null,
    lastState: 'live',
  }

  it('keeps the valid entries of a partly damaged watch list', () => {
    const directory = tempDir()
    writeFileSync(join(directory, 'watch.json'), JSON.stringify({ version: 1, cases: [entry, { caseId: 'not-a-case' }, 42] }))
    const persistence = createWatchPersistence({ document: open(directory, 'watch'), clock: systemClock, log: silentLog })
    // A list saved before `hasFileList` existed reads as "no full file list known yet".
    expect(persistence.load()).toEqual({
      cases: [{ ...entry, hasFileList: false, isMuted: false, unreachableNotice: null, isUnseen: false, localLabel: null }],
      budget: {},
    })
  })

  it('writes coalesced snapshots and flushes on demand', () => {
    const directory = tempDir()
    const persistence = createWatchPersistence({
      document: open(directory, 'watch'),
      clock: systemClock,
      log: silentLog,
      saveIntervalMs: 60_000,
    })
    let calls = 0
    persistence.scheduleSave(() => (calls++, { cases: [], budget: {} }))
    persistence.scheduleSave(() => (calls++, { cases: [entry as never], budget: { get: [1, 2] } }))
    persistence.flush()
    expect(calls).toBe(1)
    expect(JSON.parse(readFileSync(join(directory, 'watch.json'), 'utf8'))).toEqual({ version: 1, cases: [entry], budget: { get: [1, 2] } })
    expect(persistence.load().budget).toEqual({ get: [1, 2] })
  })
})
