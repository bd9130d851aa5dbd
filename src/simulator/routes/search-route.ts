import { apiErrors } from '../api-errors'
import { fileListItemJson } from '../case-json'
import { intParam, sendJson } from '../http-io'
import type { RouteDefinition } from './route-types'

/** "pol" finds "policy" (docs/veridox-api.md §2.10): a prefix of the whole label or of any word in it, any case. */
export function matchesPrefix(label: string, query: string): boolean {
  const lowerLabel = label.toLowerCase()
  const lowerQuery = query.toLowerCase()
  return lowerLabel.startsWith(lowerQuery) || lowerLabel.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(lowerQuery))
}

export const searchRoute: RouteDefinition = {
  method: 'GET',
  pattern: /^\/search$/,
  name: 'search',
  auth: 'key',
  handle(ctx, { res, url, key }) {
    const query = url.searchParams.get('query') ?? ''
    if (query.length < 1 || query.length > 100) throw apiErrors.invalid('query', 'must be 1–100 characters')
    const limit = intParam(url, 'limit', 50, 1, 100)
    const offset = intParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
    const hits = ctx.store.listOwned(key.key).flatMap((c) => {
      const caseMatches = matchesPrefix(c.label, query)
      return c.files.filter((file) => caseMatches || matchesPrefix(file.label, query)).map((file) => ({ file, c }))
    })
    const results = hits.slice(offset, offset + limit).map(({ file, c }) => fileListItemJson(ctx.baseUrl(), file, c))
    sendJson(res, 200, { results, total: hits.length })
  },
}
