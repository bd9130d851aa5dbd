import { apiErrors } from '../api-errors'
import { sendJson } from '../http-io'
import { credentialFrom } from '../key-registry'
import type { RouteDefinition } from './route-types'

/**
 * docs/veridox-api.md §1.4. Without credentials the answer is `type: 'none'`; a revoked key still learns
 * that it is revoked (`is_active: false`), which is what the docs suggest the field is for. A session
 * token gets the documented user variant; an expired or revoked one is no session, so it is a 401.
 */
export const authStatusRoute: RouteDefinition = {
  method: 'GET',
  pattern: /^\/authentication\/status$/,
  name: 'auth-status',
  auth: 'none',
  handle(ctx, { req, res, url }) {
    const credential = credentialFrom(req, url, false)
    if (credential === null) return sendJson(res, 200, { type: 'none' })
    if (ctx.keys.lookupToken(credential.secret)) {
      if (!ctx.keys.authenticate(credential)) throw apiErrors.unauthorised()
      return sendJson(res, 200, {
        type: 'user',
        complete: true,
        methods: ['password', 'email-otp'],
        verification_stage: 'verified',
        token: credential.secret,
      })
    }
    const info = ctx.keys.lookup(credential.secret)
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
