import type { ServerResponse } from 'node:http'
import type { StreamFaults } from './faults/fault-engine'

type Chunk = { text: string; isEvent: boolean } | { end: 'close' }

/**
 * Writes one SSE response, with the stream faults a misbehaving network would add:
 * a stall (no bytes at all for a while), a proxy that buffers, and a dropped connection.
 */
export function createStreamOutput(res: ServerResponse, faults: StreamFaults, hooks: { onEventWritten: () => void }) {
  let eventsWritten = 0
  let isStalled = false
  let isEnded = false
  const queued: Chunk[] = []
  const held: string[] = []
  let heldBytes = 0
  let stallTimer: NodeJS.Timeout | null = null

  function flushHeld(): void {
    if (held.length === 0) return
    res.write(held.join(''))
    held.length = 0
    heldBytes = 0
  }

  function writeNow(text: string): void {
    if (faults.bufferBytes === null) {
      res.write(text)
      return
    }
    held.push(text)
    heldBytes += Buffer.byteLength(text)
    if (faults.bufferBytes > 0 && heldBytes >= faults.bufferBytes) flushHeld()
  }

  function drop(): void {
    isEnded = true
    // Whatever a buffering proxy still holds is lost with the connection.
    if (res.socket) res.socket.destroySoon()
    else res.destroy()
  }

  function startStall(ms: number): void {
    isStalled = true
    stallTimer = setTimeout(() => {
      isStalled = false
      stallTimer = null
      for (const chunk of queued.splice(0)) handle(chunk)
    }, ms)
  }

  function handle(chunk: Chunk): void {
    if (isEnded || res.destroyed) return
    if (isStalled) {
      queued.push(chunk)
      return
    }
    if ('end' in chunk) {
      isEnded = true
      flushHeld()
      res.end()
      return
    }
    writeNow(chunk.text)
    if (!chunk.isEvent) return
    eventsWritten++
    hooks.onEventWritten()
    const { drop: dropRule, stall } = faults
    if (dropRule && (eventsWritten === dropRule.afterEvents || dropRule.prng.chance(dropRule.perEventProbability))) return drop()
    if (stall && stall.afterEvents === eventsWritten) startStall(stall.stallMs)
  }

  if (faults.stall && faults.stall.afterEvents === 0) startStall(faults.stall.stallMs)
  if (faults.drop && faults.drop.afterEvents === 0) drop()

  return {
    write: (text: string, isEvent: boolean) => handle({ text, isEvent }),
    end: () => handle({ end: 'close' }),
    /** Ends at once, even mid-stall (key revoked, case deleted, simulator closing). */
    endNow: () => {
      if (stallTimer) clearTimeout(stallTimer)
      isStalled = false
      queued.length = 0
      handle({ end: 'close' })
    },
    /** True while stalled: heartbeats are skipped rather than queued. */
    isSilent: () => isStalled || isEnded,
    isEnded: () => isEnded || res.destroyed,
    dispose: () => {
      if (stallTimer) clearTimeout(stallTimer)
      isEnded = true
    },
  }
}

export type StreamOutput = ReturnType<typeof createStreamOutput>
