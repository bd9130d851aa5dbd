import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyEvent, applySnapshot, emptyCaseState } from '../case-state/case-state'
import { openConfDocument } from '../persistence/conf-document'
import { createMemoryDocument } from '../persistence/memory-document'
import { systemClock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import {
  maxEventIdLength,
  maxFailureReasonLength,
  maxFileIdLength,
  maxFilesPerCase,
  maxStageLength,
  maxStagesPerFile,
} from '../veridox/field-limits'
import { parseProgressMessage } from '../veridox/progress-event'
import { caseDetailsSchema } from '../veridox/wire-schemas'
import { createCaseRecord } from './case-record'
import { toPersistedCase } from './case-view-model'
import { createWatchPersistence, type PersistedCase } from './watch-persistence'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const otherCaseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c8'
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'case-monitor-watch-'))

function openPersistence(directory: string) {
  const lines: string[] = []
  const log: Log = (level, message, fields) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`)
  const document = openConfDocument({ directory, name: 'watch', log, now: () => 1234 })
  return { persistence: createWatchPersistence({ document, clock: systemClock, log, saveIntervalMs: 60_000 }), lines }
}

function save(directory: string, cases: PersistedCase[]): void {
  const { persistence } = openPersistence(directory)
  persistence.scheduleSave(() => ({ cases, budget: {} }))
  persistence.flush()
}

const entry = {
  caseId,
  addedAt: 5,
  isPinned: false,
  lastEventId: 'e-7',
  label: 'Claim 42',
  files: [],
  isComplete: false,
  hasFileList: false,
  completedAt: null,
  lastState: 'live' as const,
}
// Saved before mute, unreachable notices, unseen marks and local labels existed: read with their defaults.
const entryAsRead = { ...entry, isMuted: false, unreachableNotice: null, isUnseen: false, localLabel: null } satisfies PersistedCase
const tooLong = { ...entry, caseId: otherCaseId, label: 'x'.repeat(5_000) }

describe('the saved watch list', () => {
  it('reads back a case whose every field came from the wire at its largest', () => {
    const huge = 'y'.repeat(50_000)
    const fileIds = Array.from({ length: maxFilesPerCase }, (_, i) => `${i}`.padStart(maxFileIdLength, 'f'))
    const details = caseDetailsSchema.parse({
      case_id: caseId,
      label: huge,
      file_analysis_status: 'waiting_for_file_analysis',
      files: fileIds.map((file_id) => ({ file_id, label: huge, analysis_status: 'processing', current_analysis_phase: huge })),
    })
    const record = createCaseRecord(caseId, 1)
    record.state = applySnapshot(emptyCaseState, details, 1)
    for (const lineId of ['e'.repeat(maxEventIdLength), huge]) {
      const data = { file_id: fileIds[0], stage: huge, progress: 50 }
      const message = parseProgressMessage({ namedType: 'file.analysis.progress', data, lineId, caseId })
      if (message.kind !== 'event') throw new Error(`the event was ${message.kind}`)
      record.state = applyEvent(record.state, message.event, 2)
      record.lastEventId = message.event.id ?? record.lastEventId
    }
    const held = toPersistedCase(record, 'live')
    const directory = tempDir()

    save(directory, [held])
    const { persistence, lines } = openPersistence(directory)

    expect(persistence.load().cases).toEqual([held])
    expect(held.lastEventId).toBe('e'.repeat(maxEventIdLength))
    expect(lines).toEqual([])
  })

  it('reads back each file’s timeline and failure reason, at their caps', () => {
    const record = createCaseRecord(caseId, 1)
    const now = Date.parse('2026-12-07T10:00:00Z')
    for (let n = 0; n < maxStagesPerFile + 3; n++) {
      const event = {
        type: 'file.analysis.progress',
        id: `e${n}`,
        fileId: 'f1',
        stage: 's'.repeat(maxStageLength - 3) + n,
        progress: n,
        timestamp: now - 1_000 + n,
      } as const
      record.state = applyEvent(record.state, event, now)
    }
    const reason = 'r'.repeat(maxFailureReasonLength)
    record.state = applyEvent(
      record.state,
      { type: 'file.analysis.completed', id: 'x', fileId: 'f1', stage: null, outcome: 'failed', reason },
      now,
    )
    const held = toPersistedCase(record, 'live')
    expect(held.files[0]).toMatchObject({ failureReason: reason, timeline: { settledAt: now } })
    expect(held.files[0]!.timeline.stages).toHaveLength(maxStagesPerFile)
    const directory = tempDir()

    save(directory, [held])

    expect(openPersistence(directory).persistence.load().cases).toEqual([held])
  })

  it('reads a list saved before files had a timeline and failure reason, with neither known', () => {
    const directory = tempDir()
    const oldFile = { fileId: 'f1', label: 'scan.pdf', stage: 'ela', progress: 100, status: 'failed', risk: null }
    writeFileSync(join(directory, 'watch.json'), JSON.stringify({ version: 1, cases: [{ ...entry, files: [oldFile] }] }))
    const { persistence, lines } = openPersistence(directory)

    expect(persistence.load().cases[0]!.files).toEqual([
      { ...oldFile, failureReason: null, timeline: { uploadedAt: null, stages: [], settledAt: null } },
    ])
    expect(lines).toEqual([])
  })

  it('sets unreadable entries aside in a .corrupt copy, names their cases, and keeps the readable ones on disk', () => {
    const directory = tempDir()
    writeFileSync(join(directory, 'watch.json'), JSON.stringify({ version: 1, cases: [entry, tooLong, 42] }))
    const { persistence, lines } = openPersistence(directory)

    expect(persistence.load().cases).toEqual([entryAsRead])

    expect(readdirSync(directory).sort()).toEqual(['watch.json', 'watch.json.corrupt-1234'])
    const aside = JSON.parse(readFileSync(join(directory, 'watch.json.corrupt-1234'), 'utf8')) as { cases: unknown[] }
    expect(aside.cases).toEqual([entry, tooLong, 42])
    expect(JSON.parse(readFileSync(join(directory, 'watch.json'), 'utf8'))).toEqual({ version: 1, cases: [entryAsRead], budget: {} })
    const errors = lines.filter((line) => line.startsWith('error '))
    expect(errors).toEqual([
      `error set aside an unreadable entry of the saved watch list {"caseId":"${otherCaseId}"}`,
      'error set aside an unreadable entry of the saved watch list {"caseId":"unknown"}',
    ])
  })

  it('is not rewritten without its unreadable entries when their copy cannot be made', () => {
    const directory = tempDir()
    const original = JSON.stringify({ version: 1, cases: [entry, tooLong] })
    writeFileSync(join(directory, 'watch.json'), original)
    // A folder where the copy would go makes the move fail for root too.
    mkdirSync(join(directory, 'watch.json.corrupt-1234'))
    writeFileSync(join(directory, 'watch.json.corrupt-1234', 'occupied'), '')
    const { persistence, lines } = openPersistence(directory)

    const loaded = persistence.load()
    persistence.scheduleSave(() => loaded)
    persistence.flush()

    expect(loaded.cases).toEqual([entryAsRead])
    expect(readFileSync(join(directory, 'watch.json'), 'utf8')).toBe(original)
    expect(lines.filter((line) => /^(error|warn) Could not/.test(line))).toEqual([
      `error Could not set aside ${join(directory, 'watch.json')} (the name for its copy is taken); it was left as it is, and nothing is saved over it in this run. {}`,
      `warn Could not save the watch list in ${directory} (the file there could not be set aside: the name for its copy is taken); the watch list is kept in memory for this run. {}`,
    ])
  })

  it("keeps the analyst's own label, and reads a list saved before labels existed without one", () => {
    const directory = tempDir()
    writeFileSync(join(directory, 'watch.json'), JSON.stringify({ version: 1, cases: [entry] }))
    expect(openPersistence(directory).persistence.load().cases).toEqual([entryAsRead])

    const record = createCaseRecord(caseId, 1, entryAsRead)
    record.localLabel = 'Hart, second look'
    save(directory, [toPersistedCase(record, 'live')])
    const reloaded = openPersistence(directory).persistence.load().cases
    expect(reloaded.map((one) => one.localLabel)).toEqual(['Hart, second look'])
    expect(createCaseRecord(caseId, 2, reloaded[0]).localLabel).toBe('Hart, second look')
  })
})

describe('how often the watch list is written', () => {
  afterEach(() => void vi.useRealTimers())

  function countedPersistence() {
    vi.useFakeTimers({ now: 0 })
    const memory = createMemoryDocument()
    const writes: number[] = []
    const document = { ...memory, write: (value: Record<string, unknown>) => void (writes.push(Date.now()), memory.write(value)) }
    const persistence = createWatchPersistence({ document, clock: systemClock, log: () => undefined, saveIntervalMs: 1_000 })
    return { persistence, writes }
  }
  const snapshot = () => ({ cases: [], budget: {} })

  it('writes progress at most once every ten intervals, however often cases change', () => {
    const { persistence, writes } = countedPersistence()
    // A minute of 2,000 cases in flight: some case changes every 100 ms.
    for (let at = 0; at < 60_000; at += 100) {
      persistence.scheduleSave(snapshot, 'progress')
      vi.advanceTimersByTime(100)
    }
    expect(writes.length).toBeLessThanOrEqual(6)
    expect(writes.length).toBeGreaterThanOrEqual(5)
  })

  it("writes the analyst's own change within one interval, even while progress waits", () => {
    const { persistence, writes } = countedPersistence()
    persistence.scheduleSave(snapshot, 'progress')
    vi.advanceTimersByTime(500)
    persistence.scheduleSave(snapshot, 'prompt')
    vi.advanceTimersByTime(1_000)
    expect(writes).toEqual([1_500])
    vi.advanceTimersByTime(60_000)
    expect(writes).toEqual([1_500])
  })

  it('writes nothing while nothing changes', () => {
    const { persistence, writes } = countedPersistence()
    persistence.scheduleSave(snapshot, 'prompt')
    vi.advanceTimersByTime(10 * 60_000)
    expect(writes).toEqual([1_000])
  })
})
