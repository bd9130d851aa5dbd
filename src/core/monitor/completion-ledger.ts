import { z } from 'zod'
import { riskLevels } from '../../shared/case-view'
import type { JsonDocument } from '../persistence/json-document'
import { saveUntilFirstFailure } from '../persistence/save-until-failure'
import type { Log } from '../runtime/log'
import { maxLabelLength } from '../veridox/field-limits'
import type { CompletionAnnouncement } from './case-monitor-types'

const announcementSchema = z.object({
  caseId: z.string().max(64),
  label: z.string().max(maxLabelLength).nullable(),
  risk: z.enum(riskLevels).nullable(),
  fileCount: z.number().int().min(0),
  failedFileCount: z.number().int().min(0),
  completedAt: z.number(),
})

// Entries are checked one by one, so one bad entry costs only itself.
const ledgerSchema = z.union([
  z.object({ version: z.literal(1), announced: z.record(z.string(), z.unknown()) }),
  z.object({ version: z.literal(2), announced: z.record(z.string(), z.unknown()), pending: z.record(z.string(), z.unknown()) }),
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
  // Keys come from the file: without a prototype, a key such as `__proto__` is only a key.
  const announced: Record<string, number> = Object.create(null) as Record<string, number>
  const pending: Record<string, CompletionAnnouncement> = Object.create(null) as Record<string, CompletionAnnouncement>
  const unreadable = new Set<string>()
  if (parsed.success) {
    for (const [caseId, at] of Object.entries(parsed.data.announced)) {
      if (typeof at === 'number') announced[caseId] = at
      else unreadable.add(caseId)
    }
    for (const [caseId, entry] of Object.entries(parsed.data.version === 2 ? parsed.data.pending : {})) {
      const announcement = announcementSchema.safeParse(entry)
      if (announcement.success && announcement.data.caseId === caseId) pending[caseId] = announcement.data
      else unreadable.add(caseId)
    }
  } else if (raw !== undefined && Object.keys(raw as object).length > 0) {
    // Without the ledger a restart could announce old completions again; this is logged loudly.
    log('error', 'the completion ledger was unreadable; it was set aside and started afresh')
    document.setAside('completion ledger failed validation')
  }

  const saveDocument = saveUntilFirstFailure(document, (where) =>
    log('error', `Could not save the completion ledger${where}; completions are kept in memory for this run.`),
  )
  const save = (): void => saveDocument({ version: 2, announced, pending })

  if (unreadable.size > 0) {
    for (const caseId of unreadable) log('error', 'set aside an unreadable entry of the completion ledger', { caseId: caseId.slice(0, 64) })
    // The file as it was is kept beside it before the readable entries are written back.
    document.setAside('completion ledger entries failed validation')
    save()
  }

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
