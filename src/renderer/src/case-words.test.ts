import { describe, expect, it } from 'vitest'
import type { FileView, WatchState } from '@shared/case-view'
import { makeFile } from './testing/fixtures'
import { failedFilesLine, filesSummary, shortFilesSummary, stageName } from './case-words'

const summary = (files: FileView[], { hasFileList = true, state = 'live' as WatchState } = {}) =>
  filesSummary({ files, hasFileList, state, risk: null })

describe('case words', () => {
  it('names the Veridox stages and humanises unknown ones', () => {
    expect(stageName('metadata_analysis')).toBe('Metadata')
    expect(stageName('ela')).toBe('Error level analysis')
    expect(stageName('noise_analysis')).toBe('Noise & filters')
    expect(stageName('reverse_search')).toBe('Reverse image search')
    expect(stageName('content_authenticity')).toBe('Content authenticity')
    expect(stageName('context_analysis')).toBe('Context')
    expect(stageName('full_analysis')).toBe('Full analysis')
    expect(stageName('font_forensics_v2')).toBe('Font forensics v2')
    expect(stageName(null)).toBe('—')
  })

  it('summarises files as counts of done and failed', () => {
    expect(summary([])).toBe('No files yet')
    expect(summary([], { hasFileList: false })).toBe('Checking files…')
    expect(summary([], { hasFileList: false, state: 'not_found' })).toBe('—')
    expect(summary([makeFile({ status: 'success' })])).toBe('1 file · 1 done')
    expect(summary([makeFile({ status: 'success' }), makeFile({ status: 'processing' }), makeFile({ status: 'success' })])).toBe(
      '3 files · 2 done',
    )
    expect(summary([makeFile({ status: 'failed' }), makeFile({ status: 'waiting' })])).toBe('2 files · 1 done · 1 failed')
    expect(summary([makeFile({ status: 'waiting' }), makeFile({ status: 'waiting' })])).toBe('2 files · none uploaded')
  })

  it('names the files that could not be analysed, a few at most', () => {
    const view = (...labels: string[]) => ({
      state: 'completed' as const,
      risk: null,
      hasFileList: true,
      files: [makeFile({ status: 'success' }), ...labels.map((label) => makeFile({ label, status: 'failed' }))],
    })
    expect(failedFilesLine(view())).toBeNull()
    expect(failedFilesLine(view('invoice.pdf'))).toBe('invoice.pdf could not be analysed.')
    const withReason = view()
    withReason.files.push(makeFile({ label: 'scan.tiff', status: 'failed', failureReason: 'The file is password-protected.' }))
    expect(failedFilesLine(withReason)).toBe('scan.tiff could not be analysed: The file is password-protected.')
    expect(failedFilesLine(view('a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf'))).toBe(
      '5 files could not be analysed: a.pdf, b.pdf, c.pdf and 2 more.',
    )
  })
  it('shortens the files summary for a narrow window to done of total, and failed ones', () => {
    const short = (files: FileView[], { hasFileList = true, state = 'live' as WatchState } = {}) =>
      shortFilesSummary({ files, hasFileList, state, risk: null })
    expect(short([])).toBe('No files')
    expect(short([], { hasFileList: false })).toBe('Checking…')
    expect(short([], { hasFileList: false, state: 'not_found' })).toBe('—')
    expect(short([makeFile({ status: 'success' }), makeFile({ status: 'processing' }), makeFile({ status: 'success' })])).toBe('2/3 done')
    expect(short([makeFile({ status: 'failed' }), makeFile({ status: 'waiting' })])).toBe('1/2 · 1 failed')
    expect(short([makeFile({ status: 'waiting' }), makeFile({ status: 'waiting' })])).toBe('2 to upload')
  })
})
