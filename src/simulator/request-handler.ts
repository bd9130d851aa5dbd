import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { ApiError, apiErrors } from './api-errors'
import type { SimulatorContext } from './context'
import type { ReplacedResponse } from './faults/fault-engine'
import type { RouteName } from './faults/fault-types'
import { sendError } from './http-io'
import { credentialFrom } from './key-registry'
import { authStatusRoute } from './routes/auth-status-route'
import { blobRoute } from './routes/blob-route'
import { caseRoutes } from './routes/case-routes'
import { fileRoutes } from './routes/file-routes'
import { progressRoutes } from './routes/progress-routes'
import type { RouteDefinition } from './routes/route-types'
import { searchRoute } from './routes/search-route'

const routes: RouteDefinition[] = [...caseRoutes, ...progressRoutes, ...fileRoutes, searchRoute, authStatusRoute, blobRoute]

export type ControlHandler = (req: IncomingMessage, res: ServerResponse, url: URL, path: string) => Promise<void>

// What a corporate proxy answers instead of the stream: a sign-in page with status 200.
const PROXY_SIGN_IN_PAGE =
  '<!doctype html><html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1><form method="post" action="/login"></form></body></html>'

function sendReplacement(ctx: SimulatorContext, route: RouteName, res: ServerResponse, url: URL, replacement: ReplacedResponse): void {
  if (replacement.kind === 'redirect') {
    res.writeHead(replacement.status, {
      location: replacement.location.replace('{path}', `${url.pathname}${url.search}`),
      'content-length': 0,
    })
    res.end()
  } else if (replacement.kind === 'html-page') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(PROXY_SIGN_IN_PAGE) })
    res.end(PROXY_SIGN_IN_PAGE)
  } else if (replacement.kind === 'rate-limit') {
    ctx.stats.tooManyRequests(route, null, true)
    sendError(res, apiErrors.rateLimited(replacement.retryAfterSeconds))
  } else {
    sendError(res, apiErrors.serverError(replacement.status))
  }
}

function matchRoute(method: string | undefined, path: string): { route: RouteDefinition; params: string[] } {
  const candidates = routes.filter((r) => r.pattern.test(path))
  if (candidates.length === 0) throw apiErrors.routeNotFound()
  const route = candidates.find((r) => r.method === method)
  if (!route) throw apiErrors.methodNotAllowed(candidates.map((r) => r.method))
  try {
    return { route, params: route.pattern.exec(path)!.slice(1).map(decodeURIComponent) }
  } catch {
    throw route.hasCaseId ? apiErrors.caseNotFound() : apiErrors.routeNotFound()
  }
}

async function handle(ctx: SimulatorContext, control: ControlHandler | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator')
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname
  if (control && (path === '/__simulator' || path.startsWith('/__simulator/'))) {
    ctx.stats.request('control')
    return control(req, res, url, path)
  }
  res.on('close', () => ctx.stats.response(res.statusCode))
  let matched: ReturnType<typeof matchRoute>
  try {
    matched = matchRoute(req.method, path)
  } catch (error) {
    ctx.stats.request('unknown')
    throw error
  }
  const { route, params } = matched
  ctx.stats.request(route.name)

  // Faults act before authentication, like a proxy or gateway in front of the API would.
  const faults = ctx.faults.forRequest(route.name, route.hasCaseId ? params[0] : null)
  if (faults.delayMs > 0) {
    await delay(faults.delayMs, undefined, { ref: false })
    if (res.destroyed) return
  }
  if (faults.replacement) return sendReplacement(ctx, route.name, res, url, faults.replacement)

  const request = { req, res, url, params }
  if (route.auth === 'none') return route.handle(ctx, request)
  const key = ctx.keys.authenticate(credentialFrom(req, url, route.name === 'stream'))
  if (!key) throw apiErrors.unauthorised()
  if (route.limit) {
    const decision = ctx.limiter.take(key.key, route.limit)
    if (!decision.ok) {
      ctx.stats.tooManyRequests(route.name, key.key, false)
      throw apiErrors.rateLimited(decision.retryAfterSeconds)
    }
  }
  return route.handle(ctx, { ...request, key })
}

export function createRequestHandler(ctx: SimulatorContext, control: ControlHandler | null) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(ctx, control, req, res).catch((error: unknown) => {
      if (error instanceof ApiError) return sendError(res, error)
      ctx.options.log(`simulator: ${req.method} ${req.url?.split('?')[0]} failed: ${(error as Error).stack ?? String(error)}`)
      if (res.headersSent) res.destroy()
      else sendError(res, apiErrors.serverError(500))
    })
  }
}
