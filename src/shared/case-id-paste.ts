import { normalizeCaseId } from './case-id'

// Same patterns as case-id.ts: Veridox case IDs are UUIDv7 (docs/veridox-api.md §1.5).
const UUID_V7_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/gi
const ANY_UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

/** A paste can be a whole spreadsheet column: only the first few ignored tokens are kept to be named. */
export const maxIgnoredShown = 20
const maxTokenShown = 40

export type IgnoredReason = 'not_case_id' | 'not_version_7'
export interface IgnoredToken {
  token: string
  reason: IgnoredReason
}

export interface PasteScan {
  /** Distinct, lower-cased, in the order pasted. */
  caseIds: string[]
  /** The first few tokens that held no case ID, cut short. */
  ignored: IgnoredToken[]
  ignoredCount: number
}

function shown(token: string): string {
  return token.length > maxTokenShown ? `${token.slice(0, maxTokenShown)}…` : token
}

/** Reads a paste token by token (spaces, commas, semicolons, new lines), so what was left out can be told. */
export function scanPastedCaseIds(raw: string): PasteScan {
  const caseIds = new Set<string>()
  const ignored: IgnoredToken[] = []
  let ignoredCount = 0
  for (const token of raw.split(/[\s,;]+/)) {
    if (token === '') continue
    const found = token.match(UUID_V7_ANYWHERE)
    if (found) {
      for (const caseId of found) caseIds.add(normalizeCaseId(caseId))
      continue
    }
    ignoredCount += 1
    if (ignored.length < maxIgnoredShown) {
      ignored.push({ token: shown(token), reason: ANY_UUID_ANYWHERE.test(token) ? 'not_version_7' : 'not_case_id' })
    }
  }
  return { caseIds: [...caseIds], ignored, ignoredCount }
}
