import { describe, expect, it } from 'vitest'
import { makeFile } from './testing/fixtures'
import { filesSummary, shortFilesSummary, stageName } from './case-words'

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
    expect(filesSummary([])).toBe('No files yet')
    expect(filesSummary([], true)).toBe('Checking files…')
    expect(filesSummary([makeFile({ status: 'success' })])).toBe('1 file · 1 done')
    expect(filesSummary([makeFile({ status: 'success' }), makeFile({ status: 'processing' }), makeFile({ status: 'success' })])).toBe(
      '3 files · 2 done',
    )
    expect(filesSummary([makeFile({ status: 'failed' }), makeFile({ status: 'waiting' })])).toBe('2 files · 1 done · 1 failed')
  })
  it('shortens the files summary for a narrow window to done of total, and failed ones', () => {
    expect(shortFilesSummary([])).toBe('No files')
    expect(shortFilesSummary([], true)).toBe('Checking…')
    expect(shortFilesSummary([makeFile({ status: 'success' }), makeFile({ status: 'processing' }), makeFile({ status: 'success' })])).toBe(
      '2/3 done',
    )
    expect(shortFilesSummary([makeFile({ status: 'failed' }), makeFile({ status: 'waiting' })])).toBe('1/2 · 1 failed')
  })
})
