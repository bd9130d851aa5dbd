import { describe, expect, it } from 'vitest'
import { AppError, errorCodes } from '@shared/errors'
import { describeError, errorWords } from './error-words'

describe('error words', () => {
  it('has words for every code, in every context', () => {
    for (const code of errorCodes) {
      for (const context of ['case', 'stoppedCase', 'apiKey', 'command'] as const) {
        expect(errorWords(code, context)).toMatch(/^[A-Z].+\.$/)
      }
    }
  })

  it('never shows the raw message', () => {
    const error = new AppError('server_error', 'ECONNRESET at /Users/analyst/.config/case-monitor key=vdx_secret')
    expect(describeError(error)).not.toContain('vdx_secret')
    expect(describeError(error)).toBe(errorWords('server_error'))
    expect(describeError(new TypeError('x is undefined'))).toBe(errorWords('internal'))
  })

  it('explains a rejected key differently when the analyst is entering one', () => {
    expect(errorWords('key_rejected', 'apiKey')).not.toBe(errorWords('key_rejected', 'case'))
  })
})
