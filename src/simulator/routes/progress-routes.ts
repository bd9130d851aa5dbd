import { apiErrors } from '../api-errors'
import { eventsAfter } from '../case-analysis'
import { sendJsonText } from '../http-io'
import { isUuidV7 } from '../uuid-v7'
import { ownedCase } from './case-routes'
import { openProgressStream } from './progress-stream'
import type { RouteDefinition } from './route-types'

const POLL_PAGE_SIZE = 100

export const progressRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: /^\/cases\/([^/]+)\/progress\/stream$/,
    name: 'stream',
    hasCaseId: true,
    auth: 'key',
    handle(ctx, request) {
      const c = ownedCase(ctx, request)
      const slot = ctx.limiter.openStream(request.key.key)
      if (!slot.ok) {
        ctx.stats.tooManyRequests('stream', request.key.key, false)
        throw apiErrors.rateLimited(slot.retryAfterSeconds)
      }
      openProgressStream(ctx, { ...request, c, release: slot.release })
    },
  },
  {
    method: 'GET',
    pattern: /^\/cases\/([^/]+)\/progress\/poll$/,
    name: 'poll',
    hasCaseId: true,
    auth: 'key',
    limit: 'poll',
    handle(ctx, request) {
      const c = ownedCase(ctx, request)
      const lastEventId = request.url.searchParams.get('last_event_id') || null
      if (lastEventId !== null && !isUuidV7(lastEventId)) throw apiErrors.invalid('last_event_id', 'must be an event ID')
      const pending = eventsAfter(c, lastEventId?.toLowerCase() ?? null)
      const page = pending.slice(0, POLL_PAGE_SIZE)
      // The events are stored pre-serialised; splice them in rather than re-encode them.
      const text = `{"events":[${page.map((e) => e.json).join(',')}],"has_more":${pending.length > page.length}}`
      sendJsonText(request.res, 200, text)
    },
  },
]
