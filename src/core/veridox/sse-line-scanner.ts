import { clampServerDelay } from '../policy/server-delays'

// A real Veridox event is a few hundred bytes (docs/veridox-api.md §3.3); the caps leave a wide margin
// and still stop a stream that never ends a line (or an event) from growing memory until the process dies.
export const maxLineBytes = 64 * 1024
export const maxEventBytes = 256 * 1024

export type Overflow = 'line' | 'event'

const lineFeed = 0x0a
const carriageReturn = 0x0d
const colon = 0x3a
const retryPrefix = new TextEncoder().encode('retry:')
const byteOrderMark = [0xef, 0xbb, 0xbf]
const decoder = new TextDecoder()
// Enough for `retry:` and any delay worth reading; a longer retry line is ignored.
const headBytes = 32

/**
 * Watches an event stream's bytes at line boundaries (CR, LF or CRLF, as in the SSE spec), without
 * parsing events (`eventsource` does that): it enforces the size caps and picks up `retry:` fields.
 * Line ends are found with the typed array's own search, and only a line that may be `retry:` is copied,
 * so watching costs a few operations a line rather than a step of JavaScript a byte.
 */
export function createSseLineScanner(onRetry: (ms: number) => void) {
  const head = new Uint8Array(headBytes)
  let lineLength = 0
  let firstByte = -1
  let isHeadKept = false
  let eventLength = 0
  let isAfterCarriageReturn = false
  let isFirstLine = true

  function endLine(): void {
    if (lineLength === 0) eventLength = 0
    else if (isHeadKept && lineLength <= headBytes) readRetry(head.subarray(0, lineLength))
    lineLength = 0
    isFirstLine = false
  }

  function readRetry(line: Uint8Array): void {
    const start = isFirstLine && byteOrderMark.every((byte, i) => line[i] === byte) ? byteOrderMark.length : 0
    if (!retryPrefix.every((byte, i) => line[start + i] === byte)) return
    const value = decoder.decode(line.subarray(start + retryPrefix.length)).replace(/^ /, '')
    if (/^\d+$/.test(value)) onRetry(clampServerDelay(Number(value), 'streamRetry'))
  }

  /** Adds `chunk[start, end)` to the current line; which cap it broke, if any (the one reached first, byte by byte). */
  function extendLine(chunk: Uint8Array, start: number, end: number): Overflow | null {
    if (end === start) return null
    if (lineLength === 0) {
      firstByte = chunk[start]!
      isHeadKept = firstByte === retryPrefix[0] || (isFirstLine && firstByte === byteOrderMark[0])
    }
    if (isHeadKept && lineLength < headBytes) head.set(chunk.subarray(start, Math.min(end, start + headBytes - lineLength)), lineLength)
    const length = end - start
    const lineRoom = maxLineBytes - lineLength
    // Comment lines are dropped by the parser, so only field lines make an event grow.
    const eventRoom = firstByte === colon ? Infinity : maxEventBytes - eventLength
    lineLength += length
    if (firstByte !== colon) eventLength += length
    if (length <= lineRoom && length <= eventRoom) return null
    return lineRoom <= eventRoom ? 'line' : 'event'
  }

  /** The line-by-line walk. */
  function walk(chunk: Uint8Array): Overflow | null {
    let position = isAfterCarriageReturn && chunk[0] === lineFeed ? 1 : 0
    if (chunk.length > 0) isAfterCarriageReturn = false
    let nextCarriageReturn = chunk.indexOf(carriageReturn, position)
    while (position < chunk.length) {
      if (nextCarriageReturn !== -1 && nextCarriageReturn < position) nextCarriageReturn = chunk.indexOf(carriageReturn, position)
      const nextLineFeed = chunk.indexOf(lineFeed, position)
      const end =
        nextLineFeed === -1 ? nextCarriageReturn : nextCarriageReturn === -1 ? nextLineFeed : Math.min(nextLineFeed, nextCarriageReturn)
      if (end === -1) return extendLine(chunk, position, chunk.length)
      const overflow = extendLine(chunk, position, end)
      if (overflow) return overflow
      endLine()
      position = end + 1
      if (chunk[end] !== carriageReturn) continue
      if (position === chunk.length) isAfterCarriageReturn = true
      else if (chunk[position] === lineFeed) position += 1
    }
    return null
  }

  return {
    /** Null while the stream is within the caps; which cap it broke otherwise. */
    scan(chunk: Uint8Array): Overflow | null {
      const whole = wholeEventsWithin(chunk)
      if (!whole) return walk(chunk)
      // The walk of the first part ends with the blank line that ends an event, where the skipped part starts.
      return walk(chunk.subarray(0, whole.start)) ?? walk(chunk.subarray(whole.end))
    },
  }
}

const blankLine = Buffer.from('\n\n')
// Below this, looking for whole events costs more than walking the lines.
const minimumSkippedBytes = 512
const retryField = Buffer.from('retry:')

/**
 * The run of whole events in the middle of a chunk, from just after its first blank line to just after its
 * last, when walking it line by line can change nothing: no CR (so every line ends with LF and a blank line
 * is LF LF), no `retry:`, and too short for any line or event in it to break a cap. Most chunks of a busy
 * stream are such runs with a part event at each end, so only the ends are walked.
 */
function wholeEventsWithin(chunk: Uint8Array): { start: number; end: number } | null {
  if (chunk.length < minimumSkippedBytes) return null
  const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  const first = bytes.indexOf(blankLine)
  if (first === -1) return null
  const start = first + 2
  const end = bytes.lastIndexOf(blankLine) + 2
  if (end <= start || end - start > maxLineBytes) return null
  if (bytes.indexOf(carriageReturn) !== -1 || bytes.indexOf(retryField) !== -1) return null
  return { start, end }
}
