import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { riskLevels, type RiskLevel } from './analysis-plan'
import { faultListSchema, type Fault } from './faults/fault-types'
import type { SseFraming } from './options'

/** A whole run described in one JSON file (`--scenario FILE`). Every field is optional. */
export interface Scenario {
  /** Cases created in flight at start, owned by the first key. */
  cases?: number
  /** `fresh`: all start analysing now; `staggered`: started at random points in the past. Default `fresh`. */
  caseStart?: 'fresh' | 'staggered'
  filesPerCase?: { min: number; max: number }
  /** Per-file analysis time, uniform in this range (instead of analysisMs ±40 %). Applies to every case. */
  fileDurationMs?: { min: number; max: number }
  /** Share of files whose analysis fails (0–1). Default 0.1. */
  failureRate?: number
  /** Relative weights of the risk levels given to successful files. */
  riskMix?: Partial<Record<RiskLevel, number>>
  framing?: SseFraming
  /** Things that happen at given times (ms after start). */
  schedule?: ScenarioStep[]
}

export type ScenarioStep =
  | { atMs: number; action: 'set-faults' | 'add-faults'; faults: Fault[] }
  | { atMs: number; action: 'clear-faults' }
  | { atMs: number; action: 'revoke-key' | 'add-key'; apiKey: string }
  /** caseIndex counts the scenario's own cases, from 0, in creation order. */
  | { atMs: number; action: 'delete-case' | 'complete-case'; caseIndex: number }
  | { atMs: number; action: 'create-cases'; count: number }

const range = z
  .strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' })
const atMs = z.number().int().min(0)
const key = z.string().min(1).max(512)

const stepSchema = z.discriminatedUnion('action', [
  z.strictObject({ atMs, action: z.enum(['set-faults', 'add-faults']), faults: faultListSchema }),
  z.strictObject({ atMs, action: z.literal('clear-faults') }),
  z.strictObject({ atMs, action: z.enum(['revoke-key', 'add-key']), apiKey: key }),
  z.strictObject({ atMs, action: z.enum(['delete-case', 'complete-case']), caseIndex: z.number().int().min(0) }),
  z.strictObject({ atMs, action: z.literal('create-cases'), count: z.number().int().min(1).max(100_000) }),
])

export const scenarioSchema: z.ZodType<Scenario> = z.strictObject({
  cases: z.number().int().min(0).max(100_000).optional(),
  caseStart: z.enum(['fresh', 'staggered']).optional(),
  filesPerCase: range.refine((r) => r.min >= 1 && r.max <= 100, { message: 'files per case must be 1–100' }).optional(),
  fileDurationMs: range.refine((r) => r.min >= 1, { message: 'a duration must be at least 1 ms' }).optional(),
  failureRate: z.number().min(0).max(1).optional(),
  riskMix: z
    .partialRecord(z.enum(riskLevels), z.number().min(0))
    .refine((mix) => Object.values(mix).some((w) => (w ?? 0) > 0), { message: 'at least one risk weight must be positive' })
    .optional(),
  framing: z.enum(['named', 'data-only']).optional(),
  schedule: z.array(stepSchema).optional(),
})

export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue.path.length > 0 ? issue.path.join('.') : 'top level'
  return `${where}: ${issue.message}`
}

export function parseScenario(value: unknown): Scenario {
  const result = scenarioSchema.safeParse(value)
  if (!result.success) throw new Error(`invalid scenario (${describeZodError(result.error)})`)
  return result.data
}

/** Reads and validates a scenario file; the error message names the file and the first problem. */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new Error(`cannot read scenario file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`scenario file ${path} is not valid JSON`)
  }
  try {
    return parseScenario(json)
  } catch (error) {
    throw new Error(`scenario file ${path}: ${(error as Error).message}`)
  }
}
