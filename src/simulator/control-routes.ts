import { z } from 'zod'
import { riskLevels } from './analysis-plan'
import { ApiError } from './api-errors'
import type { SimulatorControl } from './control'
import { faultPlanSchema } from './faults/fault-types'
import { readJsonBody, sendJson } from './http-io'
import type { ControlHandler } from './request-handler'

const createCaseBody = z.strictObject({
  label: z.string().min(1).max(255).optional(),
  fileLabels: z.array(z.string().min(1).max(255)).min(1).max(100).optional(),
  upload: z.boolean().optional(),
  apiKey: z.string().min(1).optional(),
  fileDurationsMs: z.array(z.number().int().min(0)).optional(),
  outcomes: z.array(z.enum(['success', 'failed'])).optional(),
  risks: z.array(z.enum(riskLevels)).optional(),
})
const keyBody = z.strictObject({ apiKey: z.string().min(1).max(512) })

const notFound = () => new ApiError(404, 'simulator.not-found', 'No such control route or case.')

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new ApiError(400, 'simulator.bad-encoding', 'The path holds a malformed percent-encoding, such as a lone % sign.')
  }
}

/** The HTTP twin of SimulatorControl, under /__simulator/ (a path no Veridox route uses). */
export function createControlHandler(control: SimulatorControl): ControlHandler {
  return async (req, res, _url, path) => {
    const route = `${req.method} ${path.slice('/__simulator'.length) || '/'}`
    const ok = (body: unknown = {}, status = 200) => sendJson(res, status, body)
    const caseMatch = /^(GET|POST|DELETE) \/cases\/([^/]+)(\/complete)?$/.exec(route)
    if (caseMatch) {
      const [, method, caseId, complete] = caseMatch
      const details = control.caseDetails(caseId)
      if (details === null) throw notFound()
      if (method === 'GET' && !complete) return ok(details)
      if (method === 'POST' && complete) control.completeCaseNow(caseId)
      else if (method === 'DELETE' && !complete) control.deleteCase(caseId)
      else throw notFound()
      return ok()
    }
    const keyMatch = /^DELETE \/keys\/([^/]+)$/.exec(route)
    if (keyMatch) {
      control.revokeKey(decodePathSegment(keyMatch[1]))
      return ok()
    }

    switch (route) {
      case 'GET /stats':
        return ok(control.stats())
      case 'POST /cases': {
        const input = await readJsonBody(req, createCaseBody)
        try {
          return ok(control.createCase(input), 201)
        } catch (error) {
          throw new ApiError(400, 'simulator.invalid', (error as Error).message)
        }
      }
      case 'POST /keys':
        control.addKey((await readJsonBody(req, keyBody)).apiKey)
        return ok({}, 201)
      case 'GET /faults':
        return ok({ faults: control.activeFaults() })
      case 'PUT /faults':
        control.setFaults(await readJsonBody(req, faultPlanSchema))
        return ok({ faults: control.activeFaults() })
      case 'POST /faults':
        control.addFaults(await readJsonBody(req, faultPlanSchema))
        return ok({ faults: control.activeFaults() })
      case 'DELETE /faults':
        control.clearFaults()
        return ok({ faults: [] })
      default:
        throw notFound()
    }
  }
}
