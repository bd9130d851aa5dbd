import { parseArgs } from 'node:util'
import type { Fault } from './faults/fault-types'
import { faultSchema } from './faults/fault-types'
import type { RateLimits, SimulatorOptions } from './options'
import { describeZodError, type Scenario, type ScenarioStep } from './scenario'

export const simulatorUsage = `Usage: case-monitor simulator [options]
  --port N --host H --api-key KEY (repeatable) --seed N --analysis-ms MS --heartbeat-ms MS --retry-ms MS
  --demo N --control --scenario FILE --framing named|data-only
  --limit-streams N --limit-polls-per-hour N --limit-list-per-min N --limit-get-per-min N --limit-create-per-min N --no-limits
  --load-cases N --load-rate EVENTS_PER_S --load-duration-ms MS
  --fault JSON (repeatable) --drop-after N --drop-probability P --stall-ms MS --stall-after N --error-burst STATUS:COUNT
  --rate-limit-burst COUNT --html-stream --buffer-kb KB --slow-first-byte-ms MS --revoke-key KEY@MS
Prints the base URL alone on the first line of stdout, then serves until stopped. See docs/simulator.md.`

/** A bad command line; the message is one sentence for stderr. */
export class UsageError extends Error {}

const text = { type: 'string' } as const
const flag = { type: 'boolean' } as const
const optionSpec = {
  port: text,
  host: text,
  'api-key': { type: 'string', multiple: true },
  seed: text,
  'analysis-ms': text,
  'heartbeat-ms': text,
  'retry-ms': text,
  demo: text,
  control: flag,
  scenario: text,
  framing: text,
  'limit-streams': text,
  'limit-polls-per-hour': text,
  'limit-list-per-min': text,
  'limit-get-per-min': text,
  'limit-create-per-min': text,
  'no-limits': flag,
  'load-cases': text,
  'load-rate': text,
  'load-duration-ms': text,
  fault: { type: 'string', multiple: true },
  'drop-after': text,
  'drop-probability': text,
  'stall-ms': text,
  'stall-after': text,
  'error-burst': text,
  'rate-limit-burst': text,
  'html-stream': flag,
  'buffer-kb': text,
  'slow-first-byte-ms': text,
  'revoke-key': { type: 'string', multiple: true },
  help: flag,
} as const

function parseWithNode(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: optionSpec, strict: true, allowPositionals: false }).values
  } catch (error) {
    const name = /'([^' ]+)/.exec((error as Error).message)?.[1]
    const code = (error as { code?: string }).code
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${name}; run with --help for the list.`)
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument ${name}; every option starts with --.`)
    throw new UsageError(`${name ?? 'an option'} needs a value.`)
  }
}

function number(value: string | undefined, name: string, min: number, max: number, isInteger = true): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (value.trim() === '' || !Number.isFinite(parsed) || (isInteger && !Number.isInteger(parsed)) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be ${isInteger ? 'an integer' : 'a number'} from ${min} to ${max}, not "${value}".`)
  }
  return parsed
}

export type CommandLine = { kind: 'help' } | { kind: 'run'; options: SimulatorOptions; scenarioPath: string | null; steps: ScenarioStep[] }

export function parseSimulatorArgs(argv: string[]): CommandLine {
  const v = parseWithNode(argv)
  if (v.help) return { kind: 'help' }
  const int = (name: keyof typeof v & string, min = 0, max = 2 ** 31 - 1) => number(v[name] as string | undefined, name, min, max)
  if (v.framing !== undefined && v.framing !== 'named' && v.framing !== 'data-only')
    throw new UsageError('--framing must be named or data-only.')
  const limitFlags: [keyof RateLimits, string][] = [
    ['streamsPerKey', 'limit-streams'],
    ['pollsPerHour', 'limit-polls-per-hour'],
    ['listPerMin', 'limit-list-per-min'],
    ['getPerMin', 'limit-get-per-min'],
    ['createPerMin', 'limit-create-per-min'],
  ]
  const limits: Partial<RateLimits> = {}
  for (const [field, name] of limitFlags) if (v[name as keyof typeof v] !== undefined) limits[field] = int(name as keyof typeof v & string)
  if (v['no-limits'] && Object.keys(limits).length > 0) throw new UsageError('--no-limits cannot be combined with --limit-* flags.')
  const loadCases = int('load-cases', 1, 100_000)
  if (loadCases === undefined && (v['load-rate'] !== undefined || v['load-duration-ms'] !== undefined))
    throw new UsageError('--load-rate and --load-duration-ms need --load-cases.')

  const options: SimulatorOptions = {
    host: v.host,
    port: int('port', 0, 65535),
    apiKeys: v['api-key'],
    seed: int('seed'),
    analysisMs: int('analysis-ms', 1),
    heartbeatMs: int('heartbeat-ms', 10),
    retryMs: int('retry-ms'),
    demoCases: int('demo', 0, 100_000),
    control: v.control,
    framing: v.framing as SimulatorOptions['framing'],
    limits: v['no-limits'] ? false : limits,
    load:
      loadCases === undefined
        ? undefined
        : { cases: loadCases, eventsPerSecond: int('load-rate', 1), durationMs: int('load-duration-ms', 1000) },
  }
  for (const key of Object.keys(options) as (keyof SimulatorOptions)[]) if (options[key] === undefined) delete options[key]
  return { kind: 'run', options, scenarioPath: v.scenario ?? null, steps: faultSteps(v, int) }
}

function faultSteps(
  v: ReturnType<typeof parseWithNode>,
  int: (name: keyof typeof v & string, min?: number, max?: number) => number | undefined,
): ScenarioStep[] {
  const faults: Fault[] = (v.fault ?? []).map((raw) => {
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      throw new UsageError(`--fault must be JSON, like '{"kind":"server-error","status":503,"count":5}'.`)
    }
    const result = faultSchema.safeParse(json)
    if (!result.success) throw new UsageError(`--fault is not a valid fault (${describeZodError(result.error)}).`)
    return result.data
  })
  const dropAfter = int('drop-after')
  const dropProbability = number(v['drop-probability'], 'drop-probability', 0, 1, false)
  if (dropAfter !== undefined || dropProbability !== undefined)
    faults.push({ kind: 'drop-stream', afterEvents: dropAfter, perEventProbability: dropProbability })
  const stallMs = int('stall-ms', 1)
  if (stallMs !== undefined) faults.push({ kind: 'stall-stream', stallMs, afterEvents: int('stall-after') ?? 0 })
  else if (v['stall-after'] !== undefined) throw new UsageError('--stall-after needs --stall-ms.')
  if (v['error-burst'] !== undefined) {
    const match = /^(500|502|503):(\d+)$/.exec(v['error-burst'])
    if (!match) throw new UsageError('--error-burst must look like 503:5 (status 500, 502 or 503, then a count).')
    faults.push({ kind: 'server-error', status: Number(match[1]) as 500 | 502 | 503, count: Number(match[2]) })
  }
  const rateLimitBurst = int('rate-limit-burst', 1)
  if (rateLimitBurst !== undefined) faults.push({ kind: 'rate-limit', count: rateLimitBurst })
  if (v['html-stream']) faults.push({ kind: 'html-page', routes: ['stream'] })
  const bufferKb = number(v['buffer-kb'], 'buffer-kb', 0, 1_000_000, false)
  if (bufferKb !== undefined) faults.push({ kind: 'buffer-stream', flushAtKb: bufferKb })
  const slowMs = int('slow-first-byte-ms', 1)
  if (slowMs !== undefined) faults.push({ kind: 'slow-first-byte', delayMs: slowMs })

  const steps: ScenarioStep[] = faults.length > 0 ? [{ atMs: 0, action: 'add-faults', faults }] : []
  for (const raw of v['revoke-key'] ?? []) {
    const match = /^(.+)@(\d+)$/.exec(raw)
    if (!match) throw new UsageError('--revoke-key must look like vdx_key@30000 (the key, @, then milliseconds after start).')
    steps.push({ atMs: Number(match[2]), action: 'revoke-key', apiKey: match[1] })
  }
  return steps
}

/** Command-line faults play after the scenario's own steps at the same time. */
export function withSteps(scenario: Scenario | undefined, steps: ScenarioStep[]): Scenario | undefined {
  if (steps.length === 0) return scenario
  return { ...scenario, schedule: [...(scenario?.schedule ?? []), ...steps] }
}
