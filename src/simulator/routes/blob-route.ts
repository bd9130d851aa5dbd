import { ApiError, apiErrors } from '../api-errors'
import { markUploaded } from '../case-lifecycle'
import type { RouteDefinition } from './route-types'

/** Stands in for Azure Blob Storage: a PUT with the right signature, any body, uploads the file. */
export const blobRoute: RouteDefinition = {
  method: 'PUT',
  pattern: /^\/__blob\/([^/]+)$/,
  name: 'upload',
  auth: 'none',
  async handle(ctx, { req, res, url, params }) {
    await new Promise<void>((resolve, reject) => {
      req.on('end', resolve).on('error', reject).resume()
    })
    const file = ctx.store.getFile(params[0])
    const c = file && ctx.store.get(file.caseId)
    if (!file || !c) throw new ApiError(404, 'blob.not-found', 'The specified blob does not exist.')
    if (url.searchParams.get('sig') !== file.signature || ctx.now() > file.expiresAt) throw apiErrors.uploadRefused()
    markUploaded(ctx, c, file)
    res.writeHead(201, { 'content-length': 0 })
    res.end()
  },
}
