import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './veridox-error'

const now = Date.parse('2026-12-02T12:00:00Z')

describe('Retry-After', () => {
  it('reads whole seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7_000)
    expect(parseRetryAfter('Wed, 02 Dec 2026 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 02 Dec 2026 11:59:00 GMT', now)).toBe(0)
  })

  it('waits at most one hour, however far away the server says', () => {
    expect(parseRetryAfter('99999999999', now)).toBe(3_600_000)
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(3_600_000)
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', now)).toBe(3_600_000)
  })

  it('ignores a value that is neither seconds nor a date', () => {
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })
})
