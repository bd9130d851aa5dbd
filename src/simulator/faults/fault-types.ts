import { z } from 'zod'

/** Route names as faults, limits and stats see them. */
export const routeNames = [
  'create',
  'list',
  'get',
  'relabel',
  'add-files',
  'stream',
  'poll',
  'files',
  'analysis',
  'confirm',
  'search',
  'auth-status',
  'upload',
] as const
export type RouteName = (typeof routeNames)[number]

export interface FaultScope {
  /** Routes it hits. Default: `['stream']` for the stream-only kinds, every route but `upload` for the rest. */
  routes?: RouteName[]
  /** Only requests whose path names one of these cases. */
  caseIds?: string[]
  /** Fire at most this many times (responses replaced, or streams affected). */
  count?: number
  /** Switch itself off this long after it was switched on. */
  durationMs?: number
  /** Chance (seeded) that a matching request or stream is hit. Default 1. */
  probability?: number
}

export type Fault = FaultScope &
  (
    | { kind: 'drop-stream'; afterEvents?: number; perEventProbability?: number }
    | { kind: 'stall-stream'; stallMs: number; afterEvents?: number }
    | { kind: 'server-error'; status?: 500 | 502 | 503 }
    | { kind: 'rate-limit'; retryAfterSeconds?: number }
    | { kind: 'html-page' }
    /** A gateway or captive portal sending the client to another address (`{path}` keeps the request's path and query). */
    | { kind: 'redirect'; location: string; status?: 301 | 302 | 307 | 308 }
    | { kind: 'buffer-stream'; flushAtKb?: number }
    | { kind: 'slow-first-byte'; delayMs: number }
  )
export type FaultKind = Fault['kind']

export interface FaultPlan {
  faults: Fault[]
}

export const streamOnlyFaultKinds: ReadonlySet<FaultKind> = new Set(['drop-stream', 'stall-stream', 'buffer-stream'])

const count = z.number().int().min(0)
const ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600_000)
const probability = z.number().min(0).max(1)
const scope = {
  routes: z.array(z.enum(routeNames)).min(1).optional(),
  caseIds: z.array(z.string().min(1)).optional(),
  count: count.optional(),
  durationMs: ms.optional(),
  probability: probability.optional(),
}

export const faultSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ ...scope, kind: z.literal('drop-stream'), afterEvents: count.optional(), perEventProbability: probability.optional() })
    .refine((f) => f.afterEvents !== undefined || f.perEventProbability !== undefined, {
      message: 'drop-stream needs afterEvents or perEventProbability',
    }),
  z.strictObject({ ...scope, kind: z.literal('stall-stream'), stallMs: ms, afterEvents: count.optional() }),
  z.strictObject({
    ...scope,
    kind: z.literal('server-error'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
  }),
  z.strictObject({ ...scope, kind: z.literal('rate-limit'), retryAfterSeconds: z.number().int().min(0).max(3600).optional() }),
  z.strictObject({ ...scope, kind: z.literal('html-page') }),
  z.strictObject({
    ...scope,
    kind: z.literal('redirect'),
    location: z.string().url().max(2048),
    status: z.union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)]).optional(),
  }),
  z.strictObject({ ...scope, kind: z.literal('buffer-stream'), flushAtKb: z.number().min(0).optional() }),
  z.strictObject({ ...scope, kind: z.literal('slow-first-byte'), delayMs: ms }),
])

// Typed against the interfaces so the schema and the documented types cannot drift apart.
export const faultListSchema: z.ZodType<Fault[]> = z.array(faultSchema)
export const faultPlanSchema: z.ZodType<FaultPlan> = z.strictObject({ faults: faultListSchema })
