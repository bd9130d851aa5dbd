import { describe, expect, it } from 'vitest'
import { budgetWords, followedWords, retryWords } from './diagnostics-words'

describe('diagnostics words', () => {
  it('says how a case is followed, and only its state once it is settled', () => {
    expect(followedWords({ state: 'live', transport: 'stream' })).toBe('Live · stream')
    expect(followedWords({ state: 'polling', transport: 'list' })).toBe('Polling · case listings')
    expect(followedWords({ state: 'offline', transport: null })).toBe('Offline · not followed now')
    expect(followedWords({ state: 'not_found', transport: null })).toBe('Not found')
  })

  it('says what is left of a budget and what was used in its window', () => {
    expect(budgetWords({ kind: 'poll', used: 610, limit: 600, windowMs: 3_600_000 })).toBe('0 of 600 left · 610 in the last hour')
  })

  it('says when the next retry is due', () => {
    expect(retryWords(null, 0)).toBe('—')
    expect(retryWords(5_000, 0)).toBe('in 5 s')
    expect(retryWords(5_000, 6_000)).toBe('now')
  })
})
