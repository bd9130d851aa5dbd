import { z } from 'zod'
import { fileStatuses, riskLevels, watchStates } from '../../shared/case-view'
import { isCaseId } from '../../shared/case-id'
import { maxLocalLabelLength } from '../../shared/local-label'
import type { JsonDocument } from '../persistence/json-document'
import { saveUntilFirstFailure } from '../persistence/save-until-failure'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'
import {
  maxEventIdLength,
  maxFailureReasonLength,
  maxFileIdLength,
  maxFilesPerCase,
  maxLabelLength,
  maxStageLength,
  maxStagesPerFile,
} from '../veridox/field-limits'

const timelineSchema = z.object({
  uploadedAt: z.number().nullable(),
  stages: z.array(z.object({ stage: z.string().max(maxStageLength), at: z.number() })).max(maxStagesPerFile),
  settledAt: z.number().nullable(),
})

// The limits are the wire's (field-limits.ts): what was accepted from Veridox can always be read back.
const fileSchema = z.object({
  fileId: z.string().max(maxFileIdLength),
  label: z.string().max(maxLabelLength),
  stage: z.string().max(maxStageLength).nullable(),
  progress: z.number().min(0).max(100).nullable(),
  status: z.enum(fileStatuses),
  risk: z.enum(riskLevels).nullable(),
  // Both absent in lists saved before they existed: not known, then.
  failureReason: z.string().max(maxFailureReasonLength).nullable().optional().default(null),
  timeline: timelineSchema.optional().default(() => ({ uploadedAt: null, stages: [], settledAt: null })),
})

const persistedCaseSchema = z.object({
  caseId: z.string().refine(isCaseId),
  addedAt: z.number(),
  isPinned: z.boolean(),
  lastEventId: z.string().max(maxEventIdLength).nullable(),
  label: z.string().max(maxLabelLength).nullable(),
  files: z.array(fileSchema).max(maxFilesPerCase),
  isComplete: z.boolean(),
  // Absent in lists saved before it existed: then the next snapshot tells.
  hasFileList: z.boolean().optional().default(false),
  completedAt: z.number().nullable(),
  lastState: z.enum(watchStates),
  // Both absent in lists saved before they existed.
  isMuted: z.boolean().optional().default(false),
  /** The cause of the last "cannot be followed" notice, so a restart does not tell it again. */
  unreachableNotice: z.enum(['not_found', 'deleted', 'key_rejected']).nullable().optional().default(null),
  // Absent in lists saved before it existed: those completions were seen under the old rule (window focus).
  isUnseen: z.boolean().optional().default(false),
  // Absent in lists saved before it existed.
  localLabel: z.string().max(maxLocalLabelLength).nullable().optional().default(null),
})
export type PersistedCase = z.infer<typeof persistedCaseSchema>

/** The highest limit settings and `--limit-*` accept is 100,000 a window; a saved window can hold that many. */
const maxRequestTimesPerKind = 100_000
const requestTimes = z.array(z.number()).max(maxRequestTimesPerKind)
const budgetSchema = z.object({ list: requestTimes, get: requestTimes, poll: requestTimes, create: requestTimes }).partial()
export type PersistedBudget = z.infer<typeof budgetSchema>

const documentSchema = z.object({ version: z.literal(1), cases: z.array(z.unknown()), budget: z.unknown().optional() })

export interface PersistedWatchState {
  cases: PersistedCase[]
  budget: PersistedBudget
}

/**
 * `prompt`: what cannot be learnt again (the analyst's own changes, a completion and whether it was seen, a
 * case that cannot be followed), written within one interval. `progress`: what the next snapshot says again
 * after a crash, written within ten, because with thousands of cases in flight something changes every
 * second, and each write serialises the whole list (about 0.4 kB a case).
 */
export type SaveUrgency = 'prompt' | 'progress'

const progressIntervals = 10

export interface WatchPersistence {
  load(): PersistedWatchState
  /** Coalesced: the file is written once for every change made before the write. */
  scheduleSave(snapshot: () => PersistedWatchState, urgency?: SaveUrgency): void
  flush(): void
}

const caseIdOf = (entry: unknown): string => {
  const caseId = (entry as { caseId?: unknown } | null)?.caseId
  return typeof caseId === 'string' ? caseId.slice(0, 64) : 'unknown'
}

export function createWatchPersistence(options: {
  document: JsonDocument
  clock: Clock
  log: Log
  saveIntervalMs?: number
}): WatchPersistence {
  const { document, clock, log } = options
  const interval = options.saveIntervalMs ?? 1_000
  let pending: (() => PersistedWatchState) | null = null
  let cancelTimer: (() => void) | null = null
  let writeAt = Infinity
  // Warn, not error: the list is still followed in memory, and the CLI is given its cases every run.
  const save = saveUntilFirstFailure(document, (where) =>
    log('warn', `Could not save the watch list${where}; the watch list is kept in memory for this run.`),
  )

  function write(): void {
    cancelTimer?.()
    cancelTimer = null
    writeAt = Infinity
    if (!pending) return
    const state = pending()
    pending = null
    save({ version: 1, cases: state.cases, budget: state.budget })
  }

  return {
    load() {
      const raw = document.read()
      if (raw === undefined || Object.keys(raw as object).length === 0) return { cases: [], budget: {} }
      const parsed = documentSchema.safeParse(raw)
      if (!parsed.success) {
        document.setAside('watch list failed validation')
        return { cases: [], budget: {} }
      }
      const cases: PersistedCase[] = []
      const unreadable: unknown[] = []
      for (const entry of parsed.data.cases) {
        const one = persistedCaseSchema.safeParse(entry)
        if (one.success) cases.push(one.data)
        else unreadable.push(entry)
      }
      const budgetParsed = budgetSchema.safeParse(parsed.data.budget ?? {})
      const budget = budgetParsed.success ? budgetParsed.data : {}
      if (unreadable.length > 0) {
        for (const entry of unreadable) log('error', 'set aside an unreadable entry of the saved watch list', { caseId: caseIdOf(entry) })
        // The file as it was is kept beside it (NAME.corrupt-TIME) before the readable entries are written back.
        document.setAside('watch list entries failed validation')
        save({ version: 1, cases, budget })
      }
      return { cases, budget }
    },
    scheduleSave(snapshot, urgency = 'prompt') {
      pending = snapshot
      const delay = urgency === 'prompt' ? interval : interval * progressIntervals
      if (clock.now() + delay >= writeAt) return
      cancelTimer?.()
      writeAt = clock.now() + delay
      cancelTimer = clock.setTimeout(write, delay)
    },
    flush: write,
  }
}
