import { z } from 'zod'
import type { JsonDocument } from '../persistence/json-document'
import type { Log } from '../runtime/log'

const ledgerSchema = z.object({
  version: z.literal(1),
  announced: z.record(z.string(), z.number()),
})

/**
 * The record of completions already announced. It is written before an announcement goes out, so a
 * completion seen again (stream and poll, a reconnect replay, a restart) is never announced twice.
 * A crash between the write and the announcement loses that one announcement rather than doubling it.
 */
export interface CompletionLedger {
  has(caseId: string): boolean
  /** True if this call recorded it (the caller should announce); false if it was already there. */
  record(caseId: string, at: number): boolean
}

export function openCompletionLedger(document: JsonDocument, log: Log): CompletionLedger {
  const raw = document.read()
  const parsed = ledgerSchema.safeParse(raw)
  let announced: Record<string, number> = {}
  if (parsed.success) {
    announced = parsed.data.announced
  } else if (raw !== undefined && Object.keys(raw as object).length > 0) {
    // Without the ledger a restart could announce old completions again; this is logged loudly.
    log('error', 'the completion ledger was unreadable; it was set aside and started afresh')
    document.setAside('completion ledger failed validation')
  }

  const save = (): void => document.write({ version: 1, announced })

  return {
    has: (caseId) => Object.hasOwn(announced, caseId),
    record(caseId, at) {
      if (Object.hasOwn(announced, caseId)) return false
      announced[caseId] = at
      save()
      return true
    },
  }
}
