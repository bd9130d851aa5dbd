import { z } from 'zod'
import { densities, hostStyles, themes, type Density, type HostStyle, type RegionId, type Theme } from '../../shared/backend'
import { AppError } from '../../shared/errors'
import { documentedLimits, type VeridoxLimits } from '../policy/limits'
import type { JsonDocument } from '../persistence/json-document'
import type { Log } from '../runtime/log'
import { customBaseUrlProblem, endpointProblem } from '../../shared/endpoint-rules'
import { isTimeOfDay, type QuietHours } from '../../shared/quiet-hours'
import { updateFeedUrlProblem } from '../../shared/updates'

export interface StoredSettings {
  region: RegionId
  customBaseUrl: string | null
  /** Which of the region's two hosts (classic or neo) is followed; a custom address ignores it. */
  hostStyle: HostStyle
  notificationsEnabled: boolean
  /** Registered with the system as a login item (XDG autostart on Linux); the app then starts hidden, in the tray. */
  startAtLogin: boolean
  /** Pop-ups held back until switched off; completions still show in the window and the tray. */
  doNotDisturb: boolean
  /** A daily span of local time without pop-ups; null for none. */
  quietHours: QuietHours | null
  /** Veridox grants higher limits on request (docs/veridox-api.md §6.1); set in settings.json, not in the window. */
  limits: VeridoxLimits
  updatesEnabled: boolean
  /** null: the built-in feed (`defaultUpdateFeedUrl`). */
  updateFeedUrl: string | null
  /** Light, dark, or whichever the system uses; main hands it to nativeTheme, the window to its colours. */
  theme: Theme
  density: Density
  isDemoBannerDismissed: boolean
}

export const defaultSettings: StoredSettings = {
  region: 'uk',
  customBaseUrl: null,
  hostStyle: 'classic',
  notificationsEnabled: true,
  startAtLogin: false,
  doNotDisturb: false,
  quietHours: null,
  limits: documentedLimits,
  updatesEnabled: true,
  updateFeedUrl: null,
  theme: 'system',
  density: 'comfortable',
  isDemoBannerDismissed: false,
}

const timeOfDay = z.string().refine(isTimeOfDay)
const quietHoursSchema = z.strictObject({ start: timeOfDay, end: timeOfDay })

const limit = z.number().int().min(1).max(100_000)

// Each field is read on its own so one bad value does not cost the others.
const fieldSchemas = {
  region: z.enum(['uk', 'ca', 'custom']),
  customBaseUrl: z
    .string()
    .nullable()
    .refine((value) => value === null || customBaseUrlProblem(value) === null),
  hostStyle: z.enum(hostStyles),
  notificationsEnabled: z.boolean(),
  startAtLogin: z.boolean(),
  doNotDisturb: z.boolean(),
  quietHours: quietHoursSchema.nullable(),
  limits: z
    .object({ streamsPerKey: limit, pollsPerHour: limit, listPerMin: limit, getPerMin: limit, createPerMin: limit })
    .partial()
    .transform((given): VeridoxLimits => ({ ...documentedLimits, ...given })),
  updatesEnabled: z.boolean(),
  updateFeedUrl: z
    .string()
    .nullable()
    .refine((value) => value === null || updateFeedUrlProblem(value) === null),
  theme: z.enum(themes),
  density: z.enum(densities),
  isDemoBannerDismissed: z.boolean(),
}

const settingsSchema = z.strictObject(fieldSchemas)

/** Why these settings cannot be saved, in words for the analyst; null when they can. */
function settingsProblem(candidate: StoredSettings): string | null {
  return (
    endpointProblem(candidate) ??
    (candidate.updateFeedUrl === null ? null : updateFeedUrlProblem(candidate.updateFeedUrl)) ??
    (settingsSchema.safeParse(candidate).success ? null : 'A setting has a value Case Monitor cannot use.')
  )
}

export interface SettingsStore {
  get(): StoredSettings
  /** Validates the settings the patch would produce and saves them once, or throws `invalid_input` and saves nothing. */
  update(patch: Partial<StoredSettings>): StoredSettings
}

export function createSettingsStore(document: JsonDocument, log: Log): SettingsStore {
  const raw = document.read()
  const source = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  let settings = { ...defaultSettings }
  for (const field of Object.keys(fieldSchemas) as (keyof StoredSettings)[]) {
    if (!(field in source)) continue
    const parsed = fieldSchemas[field].safeParse(source[field])
    if (parsed.success) (settings as Record<string, unknown>)[field] = parsed.data
    else log('warn', 'ignored an unreadable setting and used its default', { setting: field })
  }
  if (endpointProblem(settings)) settings.region = defaultSettings.region

  return {
    get: () => ({ ...settings }),
    update(patch) {
      // A field given as undefined (as an optional IPC field can arrive) means "leave it as it is".
      const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
      const next: StoredSettings = { ...settings, ...given }
      const problem = settingsProblem(next)
      if (problem) throw new AppError('invalid_input', problem)
      document.write({ ...next })
      settings = next
      return { ...settings }
    },
  }
}
