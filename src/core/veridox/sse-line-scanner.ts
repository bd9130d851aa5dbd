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
 */
export function createSseLineScanner(onRetry: (ms: number) => void) {
  const head = new Uint8Array(headBytes)
  let lineLength = 0
  let eventLength = 0
  let isAfterCarriageReturn = false
  let isFirstLine = true

  function endLine(): void {
    if (lineLength === 0) eventLength = 0
    else if (lineLength <= headBytes) readRetry(head.subarray(0, lineLength))
    lineLength = 0
    isFirstLine = false
  }

  function readRetry(line: Uint8Array): void {
    const start = isFirstLine && byteOrderMark.every((byte, i) => line[i] === byte) ? byteOrderMark.length : 0
    if (!retryPrefix.every((byte, i) => line[start + i] === byte)) return
    const value = decoder.decode(line.subarray(start + retryPrefix.length)).replace(/^ /, '')
    if (/^\d+$/.test(value)) onRetry(clampServerDelay(Number(value), 'streamRetry'))
  }

  return {
    /** Null while the stream is within the caps; which cap it broke otherwise. */
    scan(chunk: Uint8Array): Overflow | null {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!
        if (byte === lineFeed && isAfterCarriageReturn) {
          isAfterCarriageReturn = false
          continue
        }
        isAfterCarriageReturn = byte === carriageReturn
        if (byte === lineFeed || byte === carriageReturn) {
          endLine()
          continue
        }
        if (lineLength < headBytes) head[lineLength] = byte
        lineLength += 1
        if (lineLength > maxLineBytes) return 'line'
        // Comment lines are dropped by the parser, so only field lines make an event grow.
        if (head[0] !== colon && ++eventLength > maxEventBytes) return 'event'
      }
      return null
    },
  }
}
