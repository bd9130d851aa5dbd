import { z } from 'zod'
import type { RegionId } from '../../shared/backend'
import { documentedLimits, type VeridoxLimits } from '../policy/limits'
import type { JsonDocument } from '../persistence/json-document'
import type { Log } from '../runtime/log'

export interface StoredSettings {
  region: RegionId
  customBaseUrl: string | null
  notificationsEnabled: boolean
  /** Veridox grants higher limits on request (docs: rate-limiting); set in settings.json, not in the window. */
  limits: VeridoxLimits
}

export const defaultSettings: StoredSettings = { region: 'uk', customBaseUrl: null, notificationsEnabled: true, limits: documentedLimits }

const limit = z.number().int().min(1).max(100_000)

// Each field is read on its own so one bad value does not cost the others.
const fieldSchemas = {
  region: z.enum(['uk', 'ca', 'custom']),
  customBaseUrl: z.string().url().max(2048).nullable(),
  notificationsEnabled: z.boolean(),
  limits: z
    .object({ streamsPerKey: limit, pollsPerHour: limit, listPerMin: limit, getPerMin: limit, createPerMin: limit })
    .partial()
    .transform((given): VeridoxLimits => ({ ...documentedLimits, ...given })),
}

export interface SettingsStore {
  get(): StoredSettings
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
  if (settings.region === 'custom' && !settings.customBaseUrl) settings.region = defaultSettings.region

  return {
    get: () => ({ ...settings }),
    update(patch) {
      settings = { ...settings, ...patch }
      document.write({ ...settings })
      return { ...settings }
    },
  }
}
