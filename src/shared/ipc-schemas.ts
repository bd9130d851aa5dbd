import { valid } from 'semver'
import { z } from 'zod'
import { savedKeyProblems, type SettingsView } from './backend'
import { isCaseId, normalizeCaseId } from './case-id'
import { apiKeyFault, apiKeyFaultWords } from './credential-rules'
import { customBaseUrlProblem } from './endpoint-rules'
import type { CommandInput, CommandName } from './ipc'
import { updateFailures, updateFeedUrlProblem, type UpdateStatus } from './updates'

const caseId = z.string().transform(normalizeCaseId).refine(isCaseId, { message: 'not a Veridox case ID (a version 7 UUID)' })

// The same rules as the settings store and the CLI; the messages are the rules' own words.
const baseUrl = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = customBaseUrlProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

const apiKey = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const fault = apiKeyFault(value)
    if (fault) context.addIssue({ code: 'custom', message: apiKeyFaultWords[fault] })
  })

const updateFeedUrl = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = updateFeedUrlProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

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
      updatesEnabled: z.boolean().optional(),
      updateFeedUrl: updateFeedUrl.nullable().optional(),
    }),
  ]),
  setApiKey: z.tuple([z.strictObject({ apiKey })]),
  clearApiKey: none,
  confirmKeyEndpoint: z.tuple([z.strictObject({ endpoint: baseUrl })]),
  startDemoCase: none,
}

const address = z.string().refine(URL.canParse, { message: 'not an address' })

const releaseVersion = z
  .string()
  .max(64)
  .refine((value) => valid(value) !== null)
/** What main tells the window about updates: a state it has words for, a version, never a library's message. */
export const updateStatusSchema: z.ZodType<UpdateStatus, unknown> = z.discriminatedUnion('state', [
  z.strictObject({ state: z.enum(['off', 'waiting', 'checking']) }),
  z.strictObject({ state: z.enum(['up_to_date', 'downloading', 'ready']), version: releaseVersion }),
  z.strictObject({ state: z.literal('available'), version: releaseVersion, installsHere: z.boolean() }),
  z.strictObject({ state: z.literal('failed'), failure: z.enum(updateFailures) }),
])

/** The settings main sends the window: whether a key is set, for which host and why it is unusable, never the key. */
export const settingsViewSchema: z.ZodType<SettingsView, unknown> = z.strictObject({
  mode: z.enum(['simulator', 'veridox']),
  region: z.enum(['uk', 'ca', 'custom']),
  customBaseUrl: address.nullable(),
  activeBaseUrl: address.nullable(),
  hasApiKey: z.boolean(),
  keyProtection: z.enum(['os', 'memory']).nullable(),
  keyEndpoint: address.nullable(),
  isKeyForOtherEndpoint: z.boolean(),
  savedKeyProblem: z.enum(savedKeyProblems).nullable(),
  notificationsEnabled: z.boolean(),
  updatesEnabled: z.boolean(),
  updateFeedUrl: address.nullable(),
})
