/** One page of `GET /cases` is at most 100 (docs/veridox-api.md §2.2). */
export const recentCasesPageSize = 100
/** Far beyond any account a picker pages through; keeps the offset from outside bounded. */
export const maxRecentCasesOffset = 100_000

/** A case of the account, as the "Watch my recent cases" picker lists it. */
export interface RecentCase {
  caseId: string
  label: string | null
  /** Epoch ms, when Veridox gives it. */
  createdAt: number | null
  isWatched: boolean
}

/** A page, newest first; or the list budget is spent (or Veridox said 429), with when to try again. */
export type RecentCasesAnswer =
  { state: 'page'; offset: number; cases: RecentCase[]; hasMore: boolean } | { state: 'limited'; retryAt: number }
