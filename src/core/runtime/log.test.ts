import { describe, expect, it } from 'vitest'
import type { Clock } from './clock'
import { createConsoleLog, type LogFields } from './log'
import { logMessageCap, logValueCap } from './log-line'

const fixedClock: Clock = { now: () => Date.UTC(2026, 11, 2, 9, 30), setTimeout: () => () => undefined, random: () => 0.5 }

function linesOf(message: string, fields?: LogFields): string[] {
  const written: string[] = []
  createConsoleLog('debug', (line) => written.push(line), { clock: fixedClock })('warn', message, fields)
  return written.join('\n').split(/\r\n|\r|\n/)
}

const fieldsPart = (line: string): string => line.slice(line.indexOf(' skipped ') + ' skipped'.length)

describe('console log lines', () => {
  it('writes time, level, message and fields as one line', () => {
    expect(linesOf('skipped', { caseId: 'c1', count: 3, isStale: false, stage: null })).toEqual([
      '2026-12-02T09:30:00.000Z warn skipped caseId=c1 count=3 isStale=false stage=null',
    ])
  })

  it('a newline or carriage return in a value is escaped, so it cannot start a forged line', () => {
    const lines = linesOf('skipped', { type: 'x\nerror forged line', other: 'a\rb', crlf: 'c\r\nd' })
    expect(lines).toHaveLength(1)
    expect(fieldsPart(lines[0]!)).toBe(' type="x\\nerror forged line" other="a\\rb" crlf="c\\r\\nd"')
  })

  it('control, format and separator characters are escaped by code point', () => {
    const [line] = linesOf('skipped', { type: 'a\u001b[2Jb\u0000c\u202ed\u2028e\u0085f\tg' })
    expect(fieldsPart(line!)).toBe(' type="a\\u{1b}[2Jb\\u{0}c\\u{202e}d\\u{2028}e\\u{85}f\\tg"')
  })

  it('a lone surrogate is escaped instead of being written as broken UTF-8', () => {
    const [line] = linesOf('skipped', { type: 'a\ud800b' })
    expect(fieldsPart(line!)).toBe(' type="a\\u{d800}b"')
  })

  it('a value that could pose as another key=value field is quoted, with its quotes and backslashes escaped', () => {
    const [line] = linesOf('skipped', { type: 'x level=error', eq: 'a=b', quote: 'say "hi"', slash: 'a\\b', empty: '' })
    expect(fieldsPart(line!)).toBe(' type="x level=error" eq="a=b" quote="say \\"hi\\"" slash="a\\\\b" empty=""')
  })

  it('non-ASCII letters and spaces are kept readable; a no-break space still makes the value quoted', () => {
    const [line] = linesOf('skipped', { label: 'Müller-Lüdenscheidt', spaced: 'a\u00a0b' })
    expect(fieldsPart(line!)).toBe(' label=Müller-Lüdenscheidt spaced="a\u00a0b"')
  })

  it('a long value is cut to the cap with an ellipsis and its original length', () => {
    const [line] = linesOf('skipped', { type: 'x'.repeat(1_048_576) })
    expect(fieldsPart(line!)).toBe(` type="${'x'.repeat(logValueCap)}… (1,048,576 characters)"`)
  })

  it('the cap counts the escaped form, so a value of newlines cannot grow six times past it', () => {
    const [line] = linesOf('skipped', { type: '\u0001'.repeat(10_000) })
    const shown = /type="(.*)… \(10,000 characters\)"$/.exec(line!)?.[1] ?? ''
    expect(shown.length).toBeLessThanOrEqual(logValueCap)
    expect(shown).toMatch(/^(\\u\{1\})+$/)
  })

  it('an emoji at the cut is kept whole or dropped, never split into half a surrogate pair', () => {
    const [line] = linesOf('skipped', { type: 'x'.repeat(logValueCap - 1) + '😀' + 'y' })
    expect(line).toContain(`type="${'x'.repeat(logValueCap - 1)}… (`)
  })

  it('keys that are not plain names cannot break the line either', () => {
    const [line] = linesOf('skipped', { 'bad key=\n': 'v' })
    expect(fieldsPart(line!)).toBe(' bad_key__=v')
  })

  it('the message is escaped and capped too', () => {
    const lines = linesOf(`skipped ${'m'.repeat(5_000)}\nerror forged`)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.length).toBeLessThan(logMessageCap + 100)
    expect(lines[0]).toMatch(/… \(5,021 characters\)$/)
  })

  it('lines below the minimum level are not written', () => {
    const written: string[] = []
    const log = createConsoleLog('warn', (line) => written.push(line), { clock: fixedClock })
    log('info', 'quiet')
    log('error', 'loud')
    expect(written).toEqual(['2026-12-02T09:30:00.000Z error loud'])
  })

  it('rate-limits by default: 10,000 identical warnings write a bounded number of lines', () => {
    const written: string[] = []
    const log = createConsoleLog('info', (line) => written.push(line), { clock: fixedClock })
    for (let i = 0; i < 10_000; i += 1) log('warn', 'skipped a malformed event', { reason: 'event has no type' })
    expect(written.length).toBeLessThanOrEqual(21)
  })
})
