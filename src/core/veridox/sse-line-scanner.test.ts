import { describe, expect, it } from 'vitest'
import { createSseLineScanner, maxEventBytes, maxLineBytes } from './sse-line-scanner'

const encoder = new TextEncoder()

function scanned(...chunks: string[]) {
  const retries: number[] = []
  const scanner = createSseLineScanner((ms) => retries.push(ms))
  const verdicts = chunks.map((chunk) => scanner.scan(encoder.encode(chunk)))
  return { retries, verdicts }
}

describe('SSE line scanner', () => {
  it('reads retry: at the start of a line, with or without the space, after LF, CR or CRLF', () => {
    expect(scanned('retry: 2500\n\nretry:300\r\n', 'retry: 40\r', 'data: {}\n\n').retries).toEqual([2500, 300, 40])
  })

  it('reads a retry: field split across chunks and one after a byte order mark', () => {
    expect(scanned('\uFEFFretry: 1', '5', '00\n').retries).toEqual([1500])
    expect(scanned('re', 'try: 7', '00\r', '\n').retries).toEqual([700])
  })

  it('ignores retry: anywhere but at the start of a line, and values that are not all digits', () => {
    const { retries } = scanned('data: retry: 5\n', ': retry: 6\n', ' retry: 7\n', 'retry: 8s\n', 'retry: -9\n', 'retry:\n', 'retry: 10')
    expect(retries).toEqual([])
  })

  it('clamps a huge retry: to one minute', () => {
    expect(scanned('retry: 99999999999999999999\n').retries).toEqual([60_000])
  })

  it('accepts a line of exactly the cap and fails one byte longer', () => {
    expect(scanned('data: ' + 'x'.repeat(maxLineBytes - 6) + '\n\n').verdicts).toEqual([null])
    expect(scanned('data: ' + 'x'.repeat(maxLineBytes - 6), 'x').verdicts).toEqual([null, 'line'])
  })

  it('fails an event whose lines together pass the cap, but not many events that each stay under it', () => {
    const line = 'data: ' + 'x'.repeat(1_000) + '\n'
    const linesPerCap = Math.floor(maxEventBytes / (line.length - 1))
    expect(scanned(...Array<string>(linesPerCap).fill(line), line).verdicts.at(-1)).toBe('event')
    expect(scanned(...Array<string>(linesPerCap * 3).fill(line + '\n')).verdicts.every((verdict) => verdict === null)).toBe(true)
  })

  it('does not count comment lines towards an event', () => {
    const comment = ': ' + 'x'.repeat(1_000) + '\n'
    const comments = Array<string>(Math.ceil((maxEventBytes * 2) / comment.length)).fill(comment)
    expect(scanned(...comments).verdicts.every((verdict) => verdict === null)).toBe(true)
  })

  it('judges a stream cut into chunks of many whole events exactly as it judges the same bytes one by one', () => {
    let seed = 12
    const random = (below: number): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % below
    const event = (n: number): string => `id: ${n}\nevent: file.analysis.progress\ndata: {"progress":${n % 100}}\n\n`
    const oddities = ['retry: 1500\n\n', ': comment\n', '\r\n', '\r', `data: ${'x'.repeat(70_000)}\n\n`, `: ${'y'.repeat(300_000)}\n`]
    const bytesOf = (chunks: Iterable<Uint8Array>) => {
      const judged = { retries: [] as number[], overflow: null as string | null }
      const scanner = createSseLineScanner((ms) => judged.retries.push(ms))
      for (const chunk of chunks) if ((judged.overflow = scanner.scan(chunk))) break
      return judged
    }
    for (let round = 0; round < 40; round++) {
      let text = ''
      for (let n = 0; n < 300; n++) text += random(40) === 0 ? oddities[random(oddities.length)] : event(n)
      const bytes = encoder.encode(text)
      const chunks: Uint8Array[] = []
      for (let at = 0; at < bytes.length;) {
        const size = 1 + random(20_000)
        chunks.push(bytes.subarray(at, at + size))
        at += size
      }
      const oneByOne = {
        *[Symbol.iterator]() {
          for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1)
        },
      }
      expect(bytesOf(chunks)).toEqual(bytesOf(oneByOne))
    }
  })
})
