import { valid } from 'semver'
import { z } from 'zod'
import { densities, hostStyles, keychainAvailabilities, keyProtections, savedKeyProblems, themes, type SettingsView } from './backend'
import { isCaseId, normalizeCaseId } from './case-id'
import { credentialFault, credentialFaultWords, credentialKinds } from './credential-rules'
import { customBaseUrlProblem } from './endpoint-rules'
import { isTimeOfDay } from './quiet-hours'
import { maxLocalLabelLength, normalizeLocalLabel } from './local-label'
import { maxRecentCasesOffset } from './recent-cases'
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

// The same caps as the CLI; a JWT may be far longer than a key (credential-rules.ts). The cap is checked before trimming too.
const credentialInput = z
  .strictObject({
    kind: z.enum(credentialKinds),
    secret: z.string().max(8192).trim(),
    storage: z.enum(['keychain', 'session']).optional(),
  })
  .superRefine((value, context) => {
    const fault = credentialFault(value)
    if (fault) context.addIssue({ code: 'custom', message: credentialFaultWords[value.kind][fault], path: ['secret'] })
  })

const updateFeedUrl = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = updateFeedUrlProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

const none = z.tuple([])

// Checked before normalising too, so a huge string is refused rather than processed.
const localLabel = z
  .string()
  .max(maxLocalLabelLength * 4)
  .transform(normalizeLocalLabel)
  .refine((label) => label === null || label.length <= maxLocalLabelLength, {
    message: `at most ${maxLocalLabelLength} characters`,
  })

const timeOfDay = z.string().refine(isTimeOfDay, { message: 'a time of day as HH:MM (24-hour)' })
const quietHours = z.strictObject({ start: timeOfDay, end: timeOfDay })

/** Every command's arguments, checked in main before any handler runs. */
export const commandInputSchemas: { [K in CommandName]: z.ZodType<CommandInput<K>, unknown> } = {
  getSnapshot: none,
  watchCases: z.tuple([z.strictObject({ caseIds: z.array(caseId).min(1).max(1000) })]),
  unwatchCase: z.tuple([z.strictObject({ caseId })]),
  setCasePinned: z.tuple([z.strictObject({ caseId, isPinned: z.boolean() })]),
  setCaseMuted: z.tuple([z.strictObject({ caseId, isMuted: z.boolean() })]),
  retryCase: z.tuple([z.strictObject({ caseId })]),
  reportVisibleCases: z.tuple([z.strictObject({ caseIds: z.array(caseId).max(1000) })]),
  updateSettings: z.tuple([
    z.strictObject({
      region: z.enum(['uk', 'ca', 'custom']).optional(),
      customBaseUrl: baseUrl.nullable().optional(),
      hostStyle: z.enum(hostStyles).optional(),
      notificationsEnabled: z.boolean().optional(),
      startAtLogin: z.boolean().optional(),
      doNotDisturb: z.boolean().optional(),
      quietHours: quietHours.nullable().optional(),
      updatesEnabled: z.boolean().optional(),
      updateFeedUrl: updateFeedUrl.nullable().optional(),
      theme: z.enum(themes).optional(),
      density: z.enum(densities).optional(),
      isDemoBannerDismissed: z.boolean().optional(),
    }),
  ]),
  setCredential: z.tuple([credentialInput]),
  clearApiKey: none,
  confirmKeyEndpoint: z.tuple([z.strictObject({ endpoint: baseUrl })]),
  startDemoCase: none,
  quitApp: none,
  markCasesSeen: z.tuple([z.strictObject({ caseIds: z.array(caseId).max(5000) })]),
  getDiagnostics: none,
  setCaseLocalLabel: z.tuple([z.strictObject({ caseId, label: localLabel.nullable() })]),
  unwatchCases: z.tuple([z.strictObject({ caseIds: z.array(caseId).min(1).max(1000) })]),
  rewatchCases: z.tuple([
    z.strictObject({
      cases: z
        .array(z.strictObject({ caseId, isPinned: z.boolean(), isMuted: z.boolean(), localLabel: localLabel.nullable() }))
        .min(1)
        .max(1000),
    }),
  ]),
  listRecentCases: z.tuple([z.strictObject({ offset: z.number().int().min(0).max(maxRecentCasesOffset) })]),
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
  hostStyle: z.enum(hostStyles),
  activeBaseUrl: address.nullable(),
  hasApiKey: z.boolean(),
  credentialKind: z.enum(credentialKinds).nullable(),
  keyProtection: z.enum(keyProtections).nullable(),
  keychain: z.enum(keychainAvailabilities),
  keyEndpoint: address.nullable(),
  isKeyForOtherEndpoint: z.boolean(),
  savedKeyProblem: z.enum(savedKeyProblems).nullable(),
  notificationsEnabled: z.boolean(),
  startAtLogin: z.boolean(),
  hasTray: z.boolean(),
  doNotDisturb: z.boolean(),
  quietHours: quietHours.nullable(),
  isPaused: z.boolean(),
  updatesEnabled: z.boolean(),
  updateFeedUrl: address.nullable(),
  theme: z.enum(themes),
  density: z.enum(densities),
  isDemoBannerDismissed: z.boolean(),
})
