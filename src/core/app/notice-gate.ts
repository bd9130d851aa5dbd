import { isWithinQuietHours } from '../../shared/quiet-hours'
import { localMinutesOfDay, type Clock } from '../runtime/clock'
import type { QuietReason } from './completion-notices'
import type { StoredSettings } from './settings-store'

/** The one rule for "may a notification pop up now?": null when it may, else why not. */
export function quietReasonAt(settings: Pick<StoredSettings, 'doNotDisturb' | 'quietHours'>, clock: Clock): QuietReason | null {
  if (settings.doNotDisturb) return 'do_not_disturb'
  if (settings.quietHours && isWithinQuietHours(settings.quietHours, localMinutesOfDay(clock.now()))) return 'quiet_hours'
  return null
}
