import { z } from 'zod'
import { capText, maxEventIdLength, maxFailureReasonLength, maxFileIdLength, maxStageLength } from './field-limits'

/**
 * The three event types that change a case; stored and replayed by Veridox, with ids. `timestamp` is
 * Veridox's, unchecked (the reducer decides whether to believe it); `reason` is a failed file's `message`.
 */
export type ProgressEvent =
  | { type: 'file.analysis.progress'; id: string | null; fileId: string; stage: string | null; progress: number; timestamp?: number }
  | {
      type: 'file.analysis.completed'
      id: string | null
      fileId: string
      stage: string | null
      outcome: 'success' | 'failed'
      timestamp?: number
      reason?: string
    }
  | { type: 'case.analysis.completed'; id: string | null }

export type ParsedMessage =
  | { kind: 'event'; event: ProgressEvent }
  | { kind: 'heartbeat' }
  | { kind: 'stream_closed'; message: string | null }
  | { kind: 'unknown'; type: string }
  | { kind: 'malformed'; reason: string }

const eventFields = z.object({
  type: z.string().optional(),
  id: z.string().optional(),
  case_id: z.string().nullish(),
  file_id: z.string().min(1).max(maxFileIdLength).nullish(),
  stage: z.string().nullish(),
  progress: z.number().finite().nullish(),
  outcome: z.string().nullish(),
  message: z.string().nullish(),
  // Any value: read by finiteTime below, which drops what is not epoch ms rather than sinking the event.
  timestamp: z.unknown().optional(),
})

/** The fields as read: what the schema gives, or the event's own object when it already has the common shape. */
type EventFields = z.output<typeof eventFields>

const isOptionalText = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string'
const isNullishText = (value: unknown): value is string | null | undefined => value == null || typeof value === 'string'

/**
 * The shape every Veridox event has, checked without the schema library, which costs more than the rest
 * of an event's handling on a busy stream; such an event is read as it is, without a copy. Anything else
 * goes through `eventFields`, so what is refused, and the words that say why, do not change.
 */
function hasCommonShape(data: unknown): data is EventFields {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false
  const { type, id, case_id, file_id, stage, progress, outcome, message } = data as Record<string, unknown>
  if (!isOptionalText(type) || !isOptionalText(id) || !isNullishText(case_id) || !isNullishText(stage)) return false
  if (!isNullishText(outcome) || !isNullishText(message)) return false
  if (file_id != null && (typeof file_id !== 'string' || file_id.length < 1 || file_id.length > maxFileIdLength)) return false
  return progress == null || (typeof progress === 'number' && Number.isFinite(progress))
}

// Applied where a field is used, whichever way the fields were read.
const cappedStage = (stage: string | null | undefined): string | null => (stage == null ? null : capText(stage, maxStageLength))
// Epoch ms (docs/veridox-api.md §7.3); anything else is dropped rather than sinking the event.
const finiteTime = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

/**
 * An id too long to save is not kept: the event still counts, and a later reconnect resumes from the
 * last id that could be kept, replaying what came after (replays change nothing, see case-state.ts).
 */
const keptEventId = (id: string | null | undefined): string | null => (id && id.length <= maxEventIdLength ? id : null)

const clampPercent = (value: number): number => Math.min(100, Math.max(0, value))

function parseOutcome(value: string | null | undefined): 'success' | 'failed' | null {
  const lower = value?.toLowerCase()
  return lower === 'success' || lower === 'failed' ? lower : null
}

/**
 * The docs do not say whether Veridox names events with an `event:` line or only with a `type` inside
 * the data (docs/veridox-api.md §3.4), so both are accepted; when both exist and disagree, the data is malformed.
 */
export function parseProgressMessage(input: {
  namedType: string | null
  data: unknown
  lineId: string | null
  caseId: string
}): ParsedMessage {
  const raw = input.data ?? {}
  let data: EventFields
  if (hasCommonShape(raw)) {
    data = raw
  } else {
    const fields = eventFields.safeParse(raw)
    if (!fields.success) return { kind: 'malformed', reason: `unexpected fields: ${fields.error.issues[0]?.path.join('.')}` }
    data = fields.data
  }
  const named = input.namedType === 'message' ? null : input.namedType
  if (named && data.type && named !== data.type) {
    return { kind: 'malformed', reason: `event line says ${named} but data says ${data.type}` }
  }
  const type = named ?? data.type
  if (!type) return { kind: 'malformed', reason: 'event has no type' }
  if (data.case_id && data.case_id.toLowerCase() !== input.caseId) {
    return { kind: 'malformed', reason: 'event belongs to another case' }
  }
  const id = keptEventId(data.id || input.lineId)
  switch (type) {
    case 'heartbeat':
      return { kind: 'heartbeat' }
    case 'stream_closed':
      return { kind: 'stream_closed', message: data.message ?? null }
    case 'case.analysis.completed':
      return { kind: 'event', event: { type, id } }
    case 'file.analysis.progress':
      if (!data.file_id) return { kind: 'malformed', reason: 'progress event without file_id' }
      if (data.progress == null) return { kind: 'malformed', reason: 'progress event without progress' }
      return {
        kind: 'event',
        event: {
          type,
          id,
          fileId: data.file_id,
          stage: cappedStage(data.stage),
          progress: clampPercent(data.progress),
          timestamp: finiteTime(data.timestamp),
        },
      }
    case 'file.analysis.completed': {
      if (!data.file_id) return { kind: 'malformed', reason: 'completion event without file_id' }
      const outcome = parseOutcome(data.outcome)
      if (!outcome) return { kind: 'malformed', reason: 'completion event without a success or failed outcome' }
      const reason = outcome === 'failed' && data.message ? capText(data.message, maxFailureReasonLength) : undefined
      const event = {
        type,
        id,
        fileId: data.file_id,
        stage: cappedStage(data.stage),
        outcome,
        timestamp: finiteTime(data.timestamp),
        reason,
      }
      return { kind: 'event', event }
    }
    default:
      return { kind: 'unknown', type }
  }
}

/** SSE `data:` is text; anything that is not JSON is malformed, never a crash. */
export function parseEventData(text: string): { ok: true; data: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, data: {} }
  try {
    return { ok: true, data: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}
