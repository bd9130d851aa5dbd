import { describe, expect, it } from 'vitest'
import { systemClock, type Clock } from '../runtime/clock'
import { quietReasonAt } from './notice-gate'

// Local wall-clock times, whatever the machine's time zone: the rule is about the analyst's day.
const at = (hours: number, minutes: number): Clock => ({ ...systemClock, now: () => new Date(2026, 11, 3, hours, minutes).getTime() })

describe('may a notification show now', () => {
  it('never during Do Not Disturb, whatever the hour', () => {
    expect(quietReasonAt({ doNotDisturb: true, quietHours: null }, at(12, 0))).toBe('do_not_disturb')
  })

  it('not inside quiet hours read in local time, wrapping past midnight', () => {
    const settings = { doNotDisturb: false, quietHours: { start: '22:00', end: '07:00' } }
    expect(quietReasonAt(settings, at(23, 15))).toBe('quiet_hours')
    expect(quietReasonAt(settings, at(6, 59))).toBe('quiet_hours')
    expect(quietReasonAt(settings, at(7, 0))).toBeNull()
    expect(quietReasonAt(settings, at(12, 0))).toBeNull()
  })

  it('always otherwise', () => {
    expect(quietReasonAt({ doNotDisturb: false, quietHours: null }, at(3, 0))).toBeNull()
  })
})
