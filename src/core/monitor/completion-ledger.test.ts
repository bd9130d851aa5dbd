import { describe, expect, it } from 'vitest'
import { createMemoryDocument } from '../persistence/memory-document'
import { silentLog } from '../runtime/log'
import { openCompletionLedger } from './completion-ledger'

const announcement = (caseId: string, completedAt: number) => ({
  caseId,
  label: `Claim ${caseId}`,
  risk: 'high' as const,
  fileCount: 2,
  failedFileCount: 0,
  completedAt,
})

describe('completion ledger', () => {
  it('keeps an announcement pending until it is acknowledged, across restarts', () => {
    const document = createMemoryDocument()
    const ledger = openCompletionLedger(document, silentLog)
    expect(ledger.record(announcement('a', 2))).toBe(true)
    expect(ledger.record(announcement('b', 1))).toBe(true)
    // The app quit inside the notice's coalescing window: nothing was shown.
    const reopened = openCompletionLedger(document, silentLog)
    expect(reopened.pending().map((a) => a.caseId)).toEqual(['b', 'a'])
    expect(reopened.pending()[0]).toEqual(announcement('b', 1))
    reopened.acknowledge('b')
    expect(
      openCompletionLedger(document, silentLog)
        .pending()
        .map((a) => a.caseId),
    ).toEqual(['a'])
    expect(openCompletionLedger(document, silentLog).record(announcement('a', 3))).toBe(false)
  })

  it('records a completion known from a saved list without anything left to show', () => {
    const ledger = openCompletionLedger(createMemoryDocument(), silentLog)
    ledger.recordSilently('c', 5)
    expect(ledger.has('c')).toBe(true)
    expect(ledger.pending()).toEqual([])
    expect(ledger.record(announcement('c', 6))).toBe(false)
  })

  it('reads the first ledger format, which had nothing pending', () => {
    const document = createMemoryDocument({ version: 1, announced: { d: 7 } })
    const ledger = openCompletionLedger(document, silentLog)
    expect(ledger.has('d')).toBe(true)
    expect(ledger.pending()).toEqual([])
  })
})
