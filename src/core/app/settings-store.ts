import { z } from 'zod'
import type { RegionId } from '../../shared/backend'
import { AppError } from '../../shared/errors'
import { documentedLimits, type VeridoxLimits } from '../policy/limits'
import type { JsonDocument } from '../persistence/json-document'
import type { Log } from '../runtime/log'
import { customBaseUrlProblem, endpointProblem } from '../../shared/endpoint-rules'
import { updateFeedUrlProblem } from '../../shared/updates'

export interface StoredSettings {
  region: RegionId
  customBaseUrl: string | null
  notificationsEnabled: boolean
  /** Veridox grants higher limits on request (docs/veridox-api.md §6.1); set in settings.json, not in the window. */
  limits: VeridoxLimits
  updatesEnabled: boolean
  /** null: the built-in feed (`defaultUpdateFeedUrl`). */
  updateFeedUrl: string | null
}

export const defaultSettings: StoredSettings = {
  region: 'uk',
  customBaseUrl: null,
  notificationsEnabled: true,
  limits: documentedLimits,
  updatesEnabled: true,
  updateFeedUrl: null,
}

const limit = z.number().int().min(1).max(100_000)

// Each field is read on its own so one bad value does not cost the others.
const fieldSchemas = {
  region: z.enum(['uk', 'ca', 'custom']),
  customBaseUrl: z
    .string()
    .nullable()
    .refine((value) => value === null || customBaseUrlProblem(value) === null),
  notificationsEnabled: z.boolean(),
  limits: z
    .object({ streamsPerKey: limit, pollsPerHour: limit, listPerMin: limit, getPerMin: limit, createPerMin: limit })
    .partial()
    .transform((given): VeridoxLimits => ({ ...documentedLimits, ...given })),
  updatesEnabled: z.boolean(),
  updateFeedUrl: z
    .string()
    .nullable()
    .refine((value) => value === null || updateFeedUrlProblem(value) === null),
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
