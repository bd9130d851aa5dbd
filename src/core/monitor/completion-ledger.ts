import { z } from 'zod'
import { riskLevels } from '../../shared/case-view'
import type { JsonDocument } from '../persistence/json-document'
import type { Log } from '../runtime/log'
import type { CompletionAnnouncement } from './case-monitor-types'

const announcementSchema = z.object({
  caseId: z.string().max(64),
  label: z.string().max(1000).nullable(),
  risk: z.enum(riskLevels).nullable(),
  fileCount: z.number().int().min(0),
  failedFileCount: z.number().int().min(0),
  completedAt: z.number(),
})

const ledgerSchema = z.union([
  z.object({ version: z.literal(1), announced: z.record(z.string(), z.number()) }),
  z.object({
    version: z.literal(2),
    announced: z.record(z.string(), z.number()),
    pending: z.record(z.string(), announcementSchema),
  }),
])

/**
 * The record of completions already announced, and of announcements not yet shown to the analyst.
 * A completion is recorded before it is announced, so one seen again (stream and poll, a reconnect
 * replay, a restart) is never announced twice; it stays pending until whoever shows it says it was
 * shown, so quitting in between (or a notification the system refused) shows it at the next start.
 */
export interface CompletionLedger {
  has(caseId: string): boolean
  /** True if this call recorded it (the caller should announce); false if it was already there. */
  record(announcement: CompletionAnnouncement): boolean
  /** Known to be announced already (a case saved as completed), with nothing left to show. */
  recordSilently(caseId: string, at: number): void
  /** The announcement was shown (a notification, a printed line): nothing is left to show. */
  acknowledge(caseId: string): void
  /** Announced but never shown, oldest first. */
  pending(): CompletionAnnouncement[]
}

export function openCompletionLedger(document: JsonDocument, log: Log): CompletionLedger {
  const raw = document.read()
  const parsed = ledgerSchema.safeParse(raw)
  let announced: Record<string, number> = {}
  let pending: Record<string, CompletionAnnouncement> = {}
  if (parsed.success) {
    announced = parsed.data.announced
    if (parsed.data.version === 2) pending = parsed.data.pending
  } else if (raw !== undefined && Object.keys(raw as object).length > 0) {
    // Without the ledger a restart could announce old completions again; this is logged loudly.
    log('error', 'the completion ledger was unreadable; it was set aside and started afresh')
    document.setAside('completion ledger failed validation')
  }

  const save = (): void => document.write({ version: 2, announced, pending })

  return {
    has: (caseId) => Object.hasOwn(announced, caseId),
    record(announcement) {
      if (Object.hasOwn(announced, announcement.caseId)) return false
      announced[announcement.caseId] = announcement.completedAt
      pending[announcement.caseId] = announcement
      save()
      return true
    },
    recordSilently(caseId, at) {
      if (Object.hasOwn(announced, caseId)) return
      announced[caseId] = at
      save()
    },
    acknowledge(caseId) {
      if (!Object.hasOwn(pending, caseId)) return
      delete pending[caseId]
      save()
    },
    pending: () => Object.values(pending).sort((a, b) => a.completedAt - b.completedAt),
  }
}
