import { describe, expect, it } from 'vitest'
import { createPrng } from './prng'
import { createIdGenerator } from './uuid-v7'

const UUID_V7 = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$/

describe('createPrng', () => {
  it('repeats for the same seed and salts and differs for others', () => {
    const run = (seed: number, salt: string) => {
      const prng = createPrng(seed, salt)
      return Array.from({ length: 5 }, () => prng.next())
    }
    expect(run(1, 'a')).toEqual(run(1, 'a'))
    expect(run(1, 'a')).not.toEqual(run(2, 'a'))
    expect(run(1, 'a')).not.toEqual(run(1, 'b'))
  })

  it('keeps int() within bounds and weighted() to positive weights', () => {
    const prng = createPrng(7)
    for (let i = 0; i < 1000; i++) {
      const n = prng.int(3, 5)
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThanOrEqual(5)
      expect(prng.weighted({ a: 1, b: 0 })).toBe('a')
    }
  })
})

describe('createIdGenerator', () => {
  it('makes valid UUIDv7 that strictly increase even within one millisecond', () => {
    const next = createIdGenerator(createPrng(1), () => 1_700_000_000_000)
    const ids = Array.from({ length: 500 }, () => next())
    for (const id of ids) expect(id).toMatch(UUID_V7)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('is reproducible for a seed and clock', () => {
    const make = () => {
      const next = createIdGenerator(createPrng(5), () => 1_700_000_000_000)
      return [next(), next()]
    }
    expect(make()).toEqual(make())
  })
})
