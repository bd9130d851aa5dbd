import { z } from 'zod'
import { apiErrors } from '../api-errors'
import { caseDetailsJson, caseSummaryJson, uploadUrlJson } from '../case-json'
import type { SimCase } from '../case-model'
import type { SimulatorContext } from '../context'
import { intParam, readJsonBody, sendJson } from '../http-io'
import type { AuthenticatedRequest, RouteDefinition } from './route-types'

const label = z.string().min(1).max(255)
const createBody = z.object({ label, reference_label: label.optional(), file_labels: z.array(label).max(100).optional() })
const relabelBody = z.object({ label })
const addFilesBody = z.object({ file_labels: z.array(label).min(1).max(100) })

export function ownedCase(ctx: SimulatorContext, { params, key }: AuthenticatedRequest): SimCase {
  const c = ctx.store.getOwned(params[0], key.key)
  if (!c) throw apiErrors.caseNotFound()
  return c
}

export const caseRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    pattern: /^\/cases$/,
    name: 'create',
    auth: 'key',
    limit: 'create',
    async handle(ctx, { req, res, key }) {
      const body = await readJsonBody(req, createBody)
      if (ctx.store.isLabelTaken(key.key, body.label)) throw apiErrors.labelTaken()
      const c = ctx.store.create({
        ownerKey: key.key,
        label: body.label,
        referenceLabel: body.reference_label ?? null,
        fileLabels: body.file_labels ?? [],
      })
      sendJson(res, 201, {
        case_id: c.id,
        is_locked: c.lockedAt !== null,
        stream_url: `/cases/${c.id}/progress`,
        files: c.files.map((file) => uploadUrlJson(ctx.baseUrl(), file)),
      })
    },
  },
  {
    method: 'GET',
    pattern: /^\/cases$/,
    name: 'list',
    auth: 'key',
    limit: 'list',
    handle(ctx, { res, url, key }) {
      const limit = intParam(url, 'limit', 50, 1, 100)
      const offset = intParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
      const labelFilter = url.searchParams.get('label')
      const all = ctx.store.listOwned(key.key).filter((c) => labelFilter === null || c.label === labelFilter)
      const cases = all.slice(offset, offset + limit).map((c) => caseSummaryJson(c, key))
      sendJson(res, 200, { cases, total: all.length, limit, offset })
    },
  },
  {
    method: 'GET',
    pattern: /^\/cases\/([^/]+)$/,
    name: 'get',
    hasCaseId: true,
    auth: 'key',
    limit: 'get',
    handle(ctx, request) {
      sendJson(request.res, 200, caseDetailsJson(ownedCase(ctx, request), request.key))
    },
  },
  {
    method: 'PUT',
    pattern: /^\/cases\/([^/]+)$/,
    name: 'relabel',
    hasCaseId: true,
    auth: 'key',
    async handle(ctx, request) {
      const c = ownedCase(ctx, request)
      const body = await readJsonBody(request.req, relabelBody)
      if (ctx.store.isLabelTaken(request.key.key, body.label, c.id)) throw apiErrors.labelTaken()
      ctx.store.relabel(c, body.label)
      sendJson(request.res, 200, caseSummaryJson(c, request.key))
    },
  },
  {
    method: 'POST',
    pattern: /^\/cases\/([^/]+)\/files$/,
    name: 'add-files',
    hasCaseId: true,
    auth: 'key',
    async handle(ctx, request) {
      const c = ownedCase(ctx, request)
      const body = await readJsonBody(request.req, addFilesBody)
      if (c.lockedAt !== null) throw apiErrors.alreadyLocked()
      const files = ctx.store.addFiles(c, body.file_labels)
      sendJson(request.res, 201, { files: files.map((file) => uploadUrlJson(ctx.baseUrl(), file)) })
    },
  },
]
