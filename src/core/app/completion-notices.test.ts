import { describe, expect, it } from 'vitest'
import type { CompletionAnnouncement } from '../monitor/case-monitor'
import { describeCompletion, describeCompletions, describeUnreachable } from './completion-notices'

function announcement(overrides: Partial<CompletionAnnouncement> = {}): CompletionAnnouncement {
  return {
    caseId: '019bfb3c-1257-7455-af2e-0cd3cadab5c7',
    label: 'Mortgage application',
    risk: null,
    fileCount: 2,
    failedFileCount: 0,
    completedAt: 0,
    ...overrides,
  }
}

describe('completion notices', () => {
  it('names the case and its risk in words; high risk stands out in the title', () => {
    const high = describeCompletion(announcement({ risk: 'high', failedFileCount: 1 }))
    expect(high.title).toBe('High risk: Mortgage application')
    expect(high.body).toBe('Analysis complete · 2 files · High risk · 1 file could not be analysed')
    const low = describeCompletion(announcement({ risk: 'low', fileCount: 1 }))
    expect(low.title).toBe('Analysis complete: Mortgage application')
    expect(low.body).toBe('1 file · Low risk')
  })

  it('says how many files could not be analysed, in words', () => {
    expect(describeCompletion(announcement({ fileCount: 3, failedFileCount: 2 })).body).toBe('3 files · 2 files could not be analysed')
  })

  it('gives unlabelled cases created together different titles', () => {
    const a = describeCompletion(announcement({ label: null, caseId: '019bfb3c-1257-7455-af2e-0cd3cadab5c7' }))
    const b = describeCompletion(announcement({ label: null, caseId: '019bfb3c-1257-7e01-9b44-51f0a1b2c3d4' }))
    expect(a.title).toBe('Analysis complete: Case …cadab5c7')
    expect(b.title).toBe('Analysis complete: Case …a1b2c3d4')
  })

  it('summarises several completions with the highest risk', () => {
    const notice = describeCompletions([
      announcement({ label: 'Payslip', risk: 'low' }),
      announcement({ label: ' ', caseId: '019bfb3c-1257-7e01-9b44-51f0a1b2c3d4', risk: 'medium' }),
    ])
    expect(notice).toEqual({
      title: '2 cases completed',
      body: 'Payslip, Case …a1b2c3d4 · highest risk Medium',
      caseId: null,
      group: { label: 'Completed together', caseIds: ['019bfb3c-1257-7455-af2e-0cd3cadab5c7', '019bfb3c-1257-7e01-9b44-51f0a1b2c3d4'] },
    })
  })

  it('puts high risk in a summary’s title', () => {
    const notice = describeCompletions([
      announcement({ label: 'Payslip', risk: 'high' }),
      announcement({ label: 'Bank statement', caseId: '019bfb3c-1257-7e01-9b44-51f0a1b2c3d4' }),
    ])
    expect(notice.title).toBe('2 cases completed · 1 high risk')
  })
})

describe('unreachable notices', () => {
  const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'

  it('says a case deleted in Veridox was deleted, instead of blaming its ID', () => {
    const notice = describeUnreachable([{ caseId, label: 'Withdrawn claim', cause: 'deleted' }])
    expect(notice.title).toBe('Case deleted in Veridox: Withdrawn claim')
    expect(notice.body).not.toContain('no case with this ID')
  })

  it('still blames the ID for a case Veridox never knew', () => {
    expect(describeUnreachable([{ caseId, label: null, cause: 'not_found' }]).body).toContain('no case with this ID')
  })
})
