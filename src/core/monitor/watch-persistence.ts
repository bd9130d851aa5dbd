import { z } from 'zod'
import { fileStatuses, riskLevels, watchStates } from '../../shared/case-view'
import { isCaseId } from '../../shared/case-id'
import type { JsonDocument } from '../persistence/json-document'
import type { Clock } from '../runtime/clock'
import type { Log } from '../runtime/log'

const fileSchema = z.object({
  fileId: z.string().max(200),
  label: z.string().max(1000),
  stage: z.string().max(200).nullable(),
  progress: z.number().min(0).max(100).nullable(),
  status: z.enum(fileStatuses),
  risk: z.enum(riskLevels).nullable(),
})

const persistedCaseSchema = z.object({
  caseId: z.string().refine(isCaseId),
  addedAt: z.number(),
  isPinned: z.boolean(),
  lastEventId: z.string().max(200).nullable(),
  label: z.string().max(1000).nullable(),
  files: z.array(fileSchema).max(1000),
  isComplete: z.boolean(),
  // Absent in lists saved before it existed: then the next snapshot tells.
  hasFileList: z.boolean().optional().default(false),
  completedAt: z.number().nullable(),
  lastState: z.enum(watchStates),
})
export type PersistedCase = z.infer<typeof persistedCaseSchema>

const requestTimes = z.array(z.number()).max(10_000)
const budgetSchema = z.object({ list: requestTimes, get: requestTimes, poll: requestTimes, create: requestTimes }).partial()
export type PersistedBudget = z.infer<typeof budgetSchema>

const documentSchema = z.object({ version: z.literal(1), cases: z.array(z.unknown()), budget: z.unknown().optional() })

export interface PersistedWatchState {
  cases: PersistedCase[]
  budget: PersistedBudget
}

export interface WatchPersistence {
  load(): PersistedWatchState
  /** Coalesced: the file is written at most once per interval. */
  scheduleSave(snapshot: () => PersistedWatchState): void
  flush(): void
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

  function write(): void {
    cancelTimer?.()
    cancelTimer = null
    if (!pending) return
    const state = pending()
    pending = null
    try {
      document.write({ version: 1, cases: state.cases, budget: state.budget })
    } catch (error) {
      log('error', 'could not save the watch list', { reason: error instanceof Error ? error.message : 'unknown' })
    }
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
      for (const entry of parsed.data.cases) {
        const one = persistedCaseSchema.safeParse(entry)
        if (one.success) cases.push(one.data)
        else log('warn', 'skipped an unreadable entry in the saved watch list')
      }
      const budget = budgetSchema.safeParse(parsed.data.budget ?? {})
      return { cases, budget: budget.success ? budget.data : {} }
    },
    scheduleSave(snapshot) {
      pending = snapshot
      if (!cancelTimer) cancelTimer = clock.setTimeout(write, interval)
    },
    flush: write,
  }
}
