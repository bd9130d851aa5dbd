import { describe, expect, it } from 'vitest'
import { isTimeOfDay, isWithinQuietHours, minutesOfDay } from './quiet-hours'

describe('quiet hours', () => {
  it('accepts a 24-hour HH:MM time and nothing else', () => {
    expect(isTimeOfDay('00:00')).toBe(true)
    expect(isTimeOfDay('23:59')).toBe(true)
    for (const bad of ['24:00', '7:30', '07:60', '07:30:00', ' 07:30', '']) expect(isTimeOfDay(bad)).toBe(false)
  })

  it('is quiet from the start up to (not including) the end', () => {
    const day = { start: '09:00', end: '17:30' }
    expect(isWithinQuietHours(day, minutesOfDay('08:59'))).toBe(false)
    expect(isWithinQuietHours(day, minutesOfDay('09:00'))).toBe(true)
    expect(isWithinQuietHours(day, minutesOfDay('17:29'))).toBe(true)
    expect(isWithinQuietHours(day, minutesOfDay('17:30'))).toBe(false)
  })

  it('wraps past midnight when the end is earlier than the start', () => {
    const night = { start: '22:00', end: '07:00' }
    expect(isWithinQuietHours(night, minutesOfDay('23:30'))).toBe(true)
    expect(isWithinQuietHours(night, minutesOfDay('00:00'))).toBe(true)
    expect(isWithinQuietHours(night, minutesOfDay('06:59'))).toBe(true)
    expect(isWithinQuietHours(night, minutesOfDay('07:00'))).toBe(false)
    expect(isWithinQuietHours(night, minutesOfDay('21:59'))).toBe(false)
  })

  it('an empty span (start equals end) is never quiet', () => {
    expect(isWithinQuietHours({ start: '08:00', end: '08:00' }, minutesOfDay('08:00'))).toBe(false)
  })
})
