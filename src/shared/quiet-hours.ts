/** A daily span of local time in which notifications stay silent; the end may be earlier than the start (it wraps past midnight). */
export interface QuietHours {
  /** "HH:MM", 24-hour local time. */
  start: string
  end: string
}

const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$/

export const isTimeOfDay = (value: string): boolean => timeOfDayPattern.test(value)

/** Minutes since local midnight of an "HH:MM" time. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  return hours! * 60 + minutes!
}

/** From the start up to, not including, the end; start equal to end is an empty span. */
export function isWithinQuietHours(quietHours: QuietHours, minutesNow: number): boolean {
  const start = minutesOfDay(quietHours.start)
  const end = minutesOfDay(quietHours.end)
  if (start <= end) return minutesNow >= start && minutesNow < end
  return minutesNow >= start || minutesNow < end
}
