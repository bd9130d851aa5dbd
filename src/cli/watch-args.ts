import { parseArgs } from 'node:util'
import { regions } from '../shared/backend'
import { isCaseId, normalizeCaseId } from '../shared/case-id'
import { documentedLimits, type VeridoxLimits } from '../core/policy/limits'
import { UsageError } from './cli-io'

export const watchUsage = `Usage: case-monitor watch [--base-url URL] [--json] [--state-dir DIR] [limit flags] CASE_ID…
Follows Veridox cases until every one has completed. The API key is read from VERIDOX_API_KEY.
Limit flags, if your key has other limits than the documented ones: --limit-streams N (10),
--limit-polls-per-hour N (600), --limit-list-per-min N (30), --limit-get-per-min N (60).`

export interface WatchArgs {
  baseUrl: string
  isJson: boolean
  stateDir: string | null
  caseIds: string[]
  limits: VeridoxLimits
}

const limitFlags = {
  'limit-streams': 'streamsPerKey',
  'limit-polls-per-hour': 'pollsPerHour',
  'limit-list-per-min': 'listPerMin',
  'limit-get-per-min': 'getPerMin',
} as const satisfies Record<string, keyof VeridoxLimits>

function parseLimits(values: Partial<Record<keyof typeof limitFlags, string>>): VeridoxLimits {
  const limits = { ...documentedLimits }
  for (const [flag, field] of Object.entries(limitFlags) as [keyof typeof limitFlags, keyof VeridoxLimits][]) {
    const raw = values[flag]
    if (raw === undefined) continue
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1 || value > 100_000)
      throw new UsageError(`--${flag} must be a whole number from 1 to 100000, not "${raw}".`)
    limits[field] = value
  }
  return limits
}

export function parseWatchArgs(argv: string[]): WatchArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'base-url': { type: 'string', default: regions[0].baseUrl },
      json: { type: 'boolean', default: false },
      'state-dir': { type: 'string' },
      ...Object.fromEntries(Object.keys(limitFlags).map((flag) => [flag, { type: 'string' as const }])),
    },
  })
  let url: URL
  try {
    url = new URL(String(values['base-url']))
  } catch {
    throw new UsageError(`--base-url "${values['base-url']}" is not an address.`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))) {
    throw new UsageError(
      '--base-url must use https:// (plain http:// is allowed only for this computer), so the key is never sent in the clear.',
    )
  }
  if (positionals.length === 0) throw new UsageError('Give at least one case ID to watch.')
  const invalid = positionals.find((id) => !isCaseId(normalizeCaseId(id)))
  if (invalid !== undefined)
    throw new UsageError(`"${invalid}" is not a Veridox case ID (a version 7 UUID such as 019bfb3c-1257-7455-af2e-0cd3cadab5c7).`)
  return {
    baseUrl: String(values['base-url']),
    isJson: values.json === true,
    stateDir: typeof values['state-dir'] === 'string' ? values['state-dir'] : null,
    caseIds: [...new Set(positionals.map(normalizeCaseId))],
    limits: parseLimits(values as Partial<Record<keyof typeof limitFlags, string>>),
  }
}
