import { describe, expect, it } from 'vitest'
import {
  caseGroup,
  caseLabel,
  caseName,
  countCaseGroups,
  fileCounts,
  isFileSettled,
  isInProgress,
  isTerminalState,
  needsAttention,
  riskWord,
  settledShare,
  shortCaseId,
} from './case-rules'
import { fileStatuses, watchStates, type FileStatus, type WatchState } from './case-view'

// Two UUIDv7 IDs minted in the same millisecond: the same first eight characters, different random tails.
const first = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const second = '019bfb3c-1257-7e01-9b44-51f0a1b2c3d4'

const files = (...statuses: FileStatus[]) => statuses.map((status) => ({ status }))

describe('case names', () => {
  it('uses the label, trimmed', () => {
    expect(caseName({ caseId: first, label: '  Mortgage application 4471 ' })).toBe('Mortgage application 4471')
    expect(caseLabel(' Payslip ')).toBe('Payslip')
  })

  it("prefers the analyst's own label to Veridox's, wherever the case is named", () => {
    expect(caseName({ caseId: first, label: 'CLM-2026-00142', localLabel: 'Hart, second look' })).toBe('Hart, second look')
    expect(caseName({ caseId: first, label: 'CLM-2026-00142', localLabel: null })).toBe('CLM-2026-00142')
  })

  it('names a case without a label by the random tail of its ID', () => {
    expect(caseName({ caseId: first, label: null })).toBe('Case …cadab5c7')
    expect(caseName({ caseId: first, label: ' \t ' })).toBe('Case …cadab5c7')
    expect(caseLabel('   ')).toBeNull()
    expect(caseLabel(null)).toBeNull()
  })

  it('shortens an ID to its last eight characters', () => {
    expect(shortCaseId(first)).toBe('…cadab5c7')
    expect(shortCaseId(second)).toBe('…a1b2c3d4')
  })

  it('tells apart cases created together, which share their first eight characters', () => {
    expect(first.slice(0, 8)).toBe(second.slice(0, 8))
    expect(shortCaseId(first)).not.toBe(shortCaseId(second))
    expect(caseName({ caseId: first, label: null })).not.toBe(caseName({ caseId: second, label: null }))
  })
})

describe('settled files', () => {
  it('counts success and failure as settled, and nothing else', () => {
    const settled = fileStatuses.filter(isFileSettled)
    expect(settled).toEqual(['success', 'failed'])
  })

  it('counts all, settled and failed files', () => {
    expect(fileCounts([])).toEqual({ total: 0, settled: 0, failed: 0 })
    expect(fileCounts(files('waiting', 'processing', 'success', 'failed', 'failed'))).toEqual({ total: 5, settled: 3, failed: 2 })
  })

  it('gives the settled share as a whole percentage', () => {
    expect(settledShare([])).toBe(0)
    expect(settledShare(files('success', 'processing', 'waiting'))).toBe(33)
    expect(settledShare(files('success', 'failed', 'processing'))).toBe(67)
    expect(settledShare(files('success', 'failed'))).toBe(100)
  })
})

describe('state groups', () => {
  const where = (test: (state: WatchState) => boolean) => watchStates.filter(test)

  it('puts every state in exactly one group', () => {
    for (const state of watchStates) {
      expect([needsAttention(state), isInProgress(state), caseGroup(state) === 'completed'].filter(Boolean)).toHaveLength(1)
    }
  })

  it('calls a case terminal once nothing more happens to it without the analyst', () => {
    expect(where(isTerminalState)).toEqual(['completed', 'failed', 'not_found'])
  })

  it('needs attention when it stopped short of a result, including a rejected key', () => {
    expect(where(needsAttention)).toEqual(['failed', 'not_found', 'unauthorized'])
    // A rejected key resumes by itself once a working key is saved, so it is not terminal.
    expect(isTerminalState('unauthorized')).toBe(false)
  })

  it('is in progress while being followed, however it is followed', () => {
    expect(where(isInProgress)).toEqual(['connecting', 'live', 'reconnecting', 'polling', 'offline', 'paused'])
    expect(where((state) => caseGroup(state) === 'completed')).toEqual(['completed'])
  })

  it('counts cases per group', () => {
    const views = (['live', 'offline', 'completed', 'unauthorized', 'not_found', 'failed'] as const).map((state) => ({ state }))
    expect(countCaseGroups(views)).toEqual({ in_progress: 2, completed: 1, attention: 3 })
    expect(countCaseGroups([])).toEqual({ in_progress: 0, completed: 0, attention: 0 })
  })
})

describe('risk words', () => {
  it('names each risk level', () => {
    expect(riskWord('high')).toBe('High')
    expect(riskWord('medium')).toBe('Medium')
    expect(riskWord('low')).toBe('Low')
    expect(riskWord('informational')).toBe('Informational')
  })
})
