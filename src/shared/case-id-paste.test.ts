import { describe, expect, it } from 'vitest'
import { scanPastedCaseIds } from './case-id-paste'

const a = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const b = '019e2a1b-5b2c-7e00-9d8c-7b6a5f4e3d2c'

describe('scanPastedCaseIds', () => {
  it('keeps every case ID and link, and names each token it ignored', () => {
    const scan = scanPastedCaseIds(`${a}, CLM-2026-00991\nhttps://uk.veridox.ai/cases/${b.toUpperCase()} ; hello`)
    expect(scan.caseIds).toEqual([a, b])
    expect(scan.ignored).toEqual([
      { token: 'CLM-2026-00991', reason: 'not_case_id' },
      { token: 'hello', reason: 'not_case_id' },
    ])
  })

  it('tells a UUID of another version apart from text', () => {
    expect(scanPastedCaseIds('3f2504e0-4f89-11d3-9a0c-0305e82c3301').ignored).toEqual([
      { token: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', reason: 'not_version_7' },
    ])
  })

  it('counts an ID pasted twice once and reports nothing for it', () => {
    const scan = scanPastedCaseIds(`${a}\n${a.toUpperCase()}`)
    expect(scan).toEqual({ caseIds: [a], ignored: [], ignoredCount: 0 })
  })

  it('keeps at most a few ignored tokens, each cut short, but counts them all', () => {
    const scan = scanPastedCaseIds(`${Array.from({ length: 500 }, (_, i) => `junk-${i}`).join(' ')} ${'x'.repeat(300)}`)
    expect(scan.ignoredCount).toBe(501)
    expect(scan.ignored.length).toBeLessThanOrEqual(20)
    expect(scanPastedCaseIds('y'.repeat(300)).ignored[0]?.token.length).toBeLessThanOrEqual(41)
  })
})
