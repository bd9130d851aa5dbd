import { parseArgs } from 'node:util'
import { regions } from '../shared/backend'
import { isCaseId, normalizeCaseId } from '../shared/case-id'
import { baseUrlFault, maxBaseUrlLength, type BaseUrlFault } from '../shared/endpoint-rules'
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

const clearTextSentence =
  '--base-url must use https:// (plain http:// is allowed only for this computer), so the key is never sent in the clear.'

// What the user typed, shown back with control characters escaped so it cannot move the cursor or forge lines.
const quoted = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)

function baseUrlFaultSentence(fault: BaseUrlFault, baseUrl: string): string {
  switch (fault) {
    case 'not_an_address':
      return `--base-url ${quoted(baseUrl)} is not an address.`
    case 'too_long':
      return `--base-url is too long to be an address (at most ${maxBaseUrlLength} characters).`
    case 'surrounding_spaces':
      return '--base-url may not start or end with spaces.'
    case 'not_http':
    case 'plain_http_off_machine':
      return clearTextSentence
    case 'credentials':
      return '--base-url may not hold a user name or password; the API key is read from VERIDOX_API_KEY.'
    case 'query_or_fragment':
      return '--base-url may not hold a query (?) or a fragment (#): request paths are added to its end.'
  }
}

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
  const baseUrl = String(values['base-url'])
  const fault = baseUrlFault(baseUrl)
  if (fault) throw new UsageError(baseUrlFaultSentence(fault, baseUrl))
  if (positionals.length === 0) throw new UsageError('Give at least one case ID to watch.')
  const invalid = positionals.find((id) => !isCaseId(normalizeCaseId(id)))
  if (invalid !== undefined)
    throw new UsageError(`"${invalid}" is not a Veridox case ID (a version 7 UUID such as 019bfb3c-1257-7455-af2e-0cd3cadab5c7).`)
  return {
    baseUrl,
    isJson: values.json === true,
    stateDir: typeof values['state-dir'] === 'string' ? values['state-dir'] : null,
    caseIds: [...new Set(positionals.map(normalizeCaseId))],
    limits: parseLimits(values as Partial<Record<keyof typeof limitFlags, string>>),
  }
}
