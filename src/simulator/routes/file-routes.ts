import { z } from 'zod'
import { riskLevels } from '../analysis-plan'
import { analysisReportJson } from '../analysis-report'
import { apiErrors } from '../api-errors'
import { fileListItemJson } from '../case-json'
import type { SimCase, SimFile } from '../case-model'
import type { SimulatorContext } from '../context'
import { intParam, readJsonBody, sendJson } from '../http-io'
import type { AuthenticatedRequest, RouteDefinition } from './route-types'

const confirmBody = z.object({
  risk_score: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(riskLevels)),
  confirmation_reason: z.string().max(1000).optional(),
})

function ownedFile(ctx: SimulatorContext, { params, key }: AuthenticatedRequest): { file: SimFile; c: SimCase } {
  const file = ctx.store.getFile(params[0])
  const c = file && ctx.store.getOwned(file.caseId, key.key)
  if (!file || !c) throw apiErrors.fileNotFound()
  return { file, c }
}

const riskRank = (file: SimFile): number => (file.risk === null ? -1 : riskLevels.indexOf(file.risk))

export const fileRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: /^\/files$/,
    name: 'files',
    auth: 'key',
    handle(ctx, { res, url, key }) {
      const limit = intParam(url, 'limit', 50, 1, 100)
      const offset = intParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
      const sortBy = url.searchParams.get('sort_by') ?? 'date_created'
      const sortOrder = url.searchParams.get('sort_order') ?? 'desc'
      if (sortBy !== 'date_created' && sortBy !== 'risk_score') throw apiErrors.invalid('sort_by', 'must be date_created or risk_score')
      if (sortOrder !== 'asc' && sortOrder !== 'desc') throw apiErrors.invalid('sort_order', 'must be asc or desc')
      const rows = ctx.store.listOwned(key.key).flatMap((c) => c.files.map((file) => ({ file, c })))
      const direction = sortOrder === 'asc' ? 1 : -1
      const byDate = (a: SimFile, b: SimFile) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)
      rows.sort(
        (a, b) =>
          direction * (sortBy === 'risk_score' ? riskRank(a.file) - riskRank(b.file) || byDate(a.file, b.file) : byDate(a.file, b.file)),
      )
      const files = rows.slice(offset, offset + limit).map(({ file, c }) => fileListItemJson(ctx.baseUrl(), file, c))
      sendJson(res, 200, { files, total: rows.length })
    },
  },
  {
    method: 'GET',
    pattern: /^\/files\/([^/]+)\/analysis$/,
    name: 'analysis',
    auth: 'key',
    handle(ctx, request) {
      const { file, c } = ownedFile(ctx, request)
      sendJson(request.res, 200, analysisReportJson(ctx.baseUrl(), file, c))
    },
  },
  {
    method: 'POST',
    pattern: /^\/files\/([^/]+)\/risk-score\/confirm$/,
    name: 'confirm',
    auth: 'key',
    async handle(ctx, request) {
      const { file } = ownedFile(ctx, request)
      const body = await readJsonBody(request.req, confirmBody)
      if (file.status !== 'settled' || file.risk === null) throw apiErrors.missingRiskScore()
      file.risk = body.risk_score
      sendJson(request.res, 201, {})
    },
  },
]
