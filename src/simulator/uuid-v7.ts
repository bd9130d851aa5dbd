import { v7 } from 'uuid'
import type { Prng } from './prng'

export type IdGenerator = () => string

/**
 * UUIDv7 from the clock plus seeded random bits. Within one generator the IDs strictly increase
 * (same millisecond → the 32-bit counter after the timestamp goes up), so string order is creation order.
 */
export function createIdGenerator(prng: Prng, now: () => number = Date.now): IdGenerator {
  let msecs = -Infinity
  let seq = 0
  return () => {
    const random = prng.bytes(16)
    const time = now()
    if (time > msecs) {
      msecs = time
      // Top bit clear leaves 2^31 increments of headroom within one millisecond.
      seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9]
    } else {
      seq = (seq + 1) >>> 0
      if (seq === 0) msecs++
    }
    return v7({ msecs, seq, random })
  }
}

// The pattern from the Veridox schemas (cases-create, cases-update-label).
const UUID_V7 = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/

export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value)
}
