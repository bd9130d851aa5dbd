/** A small seeded generator (sfc32). Every random choice in the simulator comes from one of these. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  between(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  weighted<K extends string>(weights: Partial<Record<K, number>>): K
  bytes(length: number): Uint8Array
}

function hashSalt(value: number | string): number {
  const text = String(value)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

function splitMix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** The same seed and salts always give the same sequence; different salts give independent ones. */
export function createPrng(seed: number, ...salts: (number | string)[]): Prng {
  let mixed = hashSalt(seed)
  for (const salt of salts) mixed = Math.imul(mixed ^ hashSalt(salt), 0x01000193) >>> 0
  const init = splitMix32(mixed)
  let a = init(),
    b = init(),
    c = init(),
    d = init()
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 12; i++) nextUint32()

  const next = (): number => nextUint32() / 4294967296
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted<K extends string>(weights: Partial<Record<K, number>>): K {
      const entries = Object.entries(weights).filter(([, w]) => typeof w === 'number' && w > 0) as [K, number][]
      if (entries.length === 0) throw new Error('weighted() needs at least one positive weight')
      const total = entries.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [key, weight] of entries) {
        roll -= weight
        if (roll < 0) return key
      }
      return entries[entries.length - 1][0]
    },
    bytes(length) {
      const out = new Uint8Array(length)
      for (let i = 0; i < length; i++) out[i] = nextUint32() & 0xff
      return out
    },
  }
}
