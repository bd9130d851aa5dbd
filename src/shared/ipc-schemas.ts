import { z } from 'zod'
import { isCaseId, normalizeCaseId } from './case-id'
import type { CommandInput, CommandName } from './ipc'

const caseId = z.string().transform(normalizeCaseId).refine(isCaseId, { message: 'not a Veridox case ID (a version 7 UUID)' })

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

// The key travels in a header, so plain http is allowed only to this machine (a local simulator).
const baseUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (value) => {
      try {
        const url = new URL(value)
        const isSecure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname))
        return isSecure && url.username === '' && url.password === '' && url.search === '' && url.hash === ''
      } catch {
        return false
      }
    },
    { message: 'must be an https:// address (http:// only for this computer), without a query or credentials' },
  )

// Veridox keys look like `vdx_…` (docs/veridox-api.md §1.2), but the format is not promised, so only the shape is checked.
const apiKey = z
  .string()
  .trim()
  .min(8, { message: 'too short to be an API key' })
  .max(512, { message: 'too long to be an API key' })
  .regex(/^[\x21-\x7e]+$/, { message: 'an API key has no spaces or special characters' })

const none = z.tuple([])

/** Every command's arguments, checked in main before any handler runs. */
export const commandInputSchemas: { [K in CommandName]: z.ZodType<CommandInput<K>, unknown> } = {
  getSnapshot: none,
  watchCases: z.tuple([z.strictObject({ caseIds: z.array(caseId).min(1).max(1000) })]),
  unwatchCase: z.tuple([z.strictObject({ caseId })]),
  setCasePinned: z.tuple([z.strictObject({ caseId, isPinned: z.boolean() })]),
  retryCase: z.tuple([z.strictObject({ caseId })]),
  reportVisibleCases: z.tuple([z.strictObject({ caseIds: z.array(caseId).max(1000) })]),
  updateSettings: z.tuple([
    z.strictObject({
      region: z.enum(['uk', 'ca', 'custom']).optional(),
      customBaseUrl: baseUrl.nullable().optional(),
      notificationsEnabled: z.boolean().optional(),
    }),
  ]),
  setApiKey: z.tuple([z.strictObject({ apiKey })]),
  clearApiKey: none,
  startDemoCase: none,
}
