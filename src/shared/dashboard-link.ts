import { regions } from './backend'
import { isCaseId } from './case-id'

/**
 * The dashboard beside each API host: api.uk.veridox.ai → uk.veridox.ai, and so on for Canada and the
 * neo hosts. Assumption: Veridox documents no dashboard path for a case; `/cases/<caseId>` is ours.
 */
const dashboardByApiOrigin = new Map(
  regions
    .flatMap((region) => [region.baseUrl, region.neoBaseUrl])
    .map((apiBaseUrl) => {
      const url = new URL(apiBaseUrl)
      return [url.origin, `https://${url.hostname.replace(/^api\./, '')}`] as const
    }),
)

/** Where the analyst sees this case in Veridox; null for a host with no known dashboard (the simulator, a custom address). */
export function dashboardCaseUrl(apiBaseUrl: string | null, caseId: string): string | null {
  if (apiBaseUrl === null || !isCaseId(caseId)) return null
  let origin: string
  try {
    origin = new URL(apiBaseUrl).origin
  } catch {
    return null
  }
  const dashboard = dashboardByApiOrigin.get(origin)
  return dashboard ? `${dashboard}/cases/${caseId}` : null
}
