import { apiErrors } from '../api-errors'
import { sendJson } from '../http-io'
import { credentialFrom } from '../key-registry'
import type { RouteDefinition } from './route-types'

/**
 * docs/veridox-api.md §1.4. Without credentials the answer is `type: 'none'`; a revoked key still learns
 * that it is revoked (`is_active: false`), which is what the docs suggest the field is for.
 */
export const authStatusRoute: RouteDefinition = {
  method: 'GET',
  pattern: /^\/authentication\/status$/,
  name: 'auth-status',
  auth: 'none',
  handle(ctx, { req, res, url }) {
    const credential = credentialFrom(req, url, false)
    if (credential === null) return sendJson(res, 200, { type: 'none' })
    const info = ctx.keys.lookup(credential)
    if (!info) throw apiErrors.unauthorised()
    sendJson(res, 200, {
      type: 'api_key',
      is_active: info.isActive,
      organisation_id: info.organisationId,
      team_id: info.teamId,
      team_name: info.teamName,
    })
  },
}
