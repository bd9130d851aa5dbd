import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SimulatorContext } from '../context'
import type { RouteName } from '../faults/fault-types'
import type { KeyInfo } from '../key-registry'
import type { LimitedRoute } from '../rate-limiter'

export interface ApiRequest {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** Path captures, e.g. the case or file ID. */
  params: string[]
}

export interface AuthenticatedRequest extends ApiRequest {
  key: KeyInfo
}

export type RouteDefinition = {
  method: 'GET' | 'POST' | 'PUT'
  pattern: RegExp
  name: RouteName
  /** The first path capture is a case ID (faults can target it). */
  hasCaseId?: boolean
  limit?: LimitedRoute
} & (
  | { auth: 'key'; handle(ctx: SimulatorContext, request: AuthenticatedRequest): Promise<void> | void }
  | { auth: 'none'; handle(ctx: SimulatorContext, request: ApiRequest): Promise<void> | void }
)
