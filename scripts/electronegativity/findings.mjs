// The electronegativity gate's decision: which HIGH findings block `npm test`. A finding is excused only by an
// exception naming its check and file with a reason; an exception that excuses nothing is reported as stale,
// and a file the scanner could not parse blocks too (nothing in it was checked).
import { z } from 'zod'

const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']

// Counted as HIGH whatever electronegativity 1.10.3 rates them: it reports an explicit `nodeIntegration: true`
// as INFORMATIONAL and a window without `sandbox: true` as MEDIUM, and either means a page that could reach Node.
const countedAsHigh = new Set(['NODE_INTEGRATION_JS_CHECK', 'SANDBOX_JS_CHECK'])

/** @param {import('./findings.d.mts').GateFinding} finding */
const isHigh = (finding) => finding.severity === 'HIGH' || countedAsHigh.has(finding.check)

const sarifSchema = z.object({
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string().min(1),
            message: z.object({ text: z.string() }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string().min(1) }),
                    region: z.object({ startLine: z.number().int() }).optional(),
                  }),
                }),
              )
              .optional(),
            properties: z.object({ severity: z.enum(severities), sample: z.string().nullable().optional() }),
          }),
        ),
        invocations: z
          .array(
            z.object({
              toolExecutionNotifications: z.array(z.object({ level: z.string(), message: z.object({ text: z.string() }) })).optional(),
            }),
          )
          .optional(),
      }),
    )
    .length(1),
})

const exceptionsSchema = z.array(
  z.strictObject({
    check: z.string().regex(/^[A-Z0-9_]+$/, 'a check ID as electronegativity names it, e.g. CONTEXT_ISOLATION_JS_CHECK'),
    file: z.string().min(1).nullable().describe('the scanned path, e.g. src/main/index.ts; null for a global check'),
    reason: z.string().trim().min(20, 'say why the finding is acceptable (at least 20 characters)'),
  }),
)

/** @param {unknown} issues */
function describeIssues(issues) {
  return /** @type {z.core.$ZodIssue[]} */ (issues).map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ')
}

/**
 * @param {unknown} json the parsed exceptions file
 * @returns {import('./findings.d.mts').GateException[]}
 */
export function parseExceptions(json) {
  const parsed = exceptionsSchema.safeParse(json)
  if (!parsed.success) throw new Error(`The exceptions file is not valid: ${describeIssues(parsed.error.issues)}`)
  return parsed.data
}

/**
 * @param {unknown} json the parsed SARIF from tools/electronegativity/scan.mjs
 * @returns {{ findings: import('./findings.d.mts').GateFinding[], unparsed: string[] }}
 */
export function readSarif(json) {
  const parsed = sarifSchema.safeParse(json)
  if (!parsed.success) throw new Error(`The scan's SARIF is not what scan.mjs writes: ${describeIssues(parsed.error.issues)}`)
  const [run] = parsed.data.runs
  const findings = run.results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation
    return {
      check: result.ruleId,
      severity: result.properties.severity,
      file: location?.artifactLocation.uri ?? null,
      line: location?.region?.startLine ?? null,
      message: result.message.text,
      sample: result.properties.sample ?? null,
    }
  })
  const unparsed = (run.invocations ?? [])
    .flatMap((invocation) => invocation.toolExecutionNotifications ?? [])
    .filter((notification) => notification.level === 'error')
    .map((notification) => notification.message.text)
  return { findings, unparsed }
}

/**
 * @param {{ findings: import('./findings.d.mts').GateFinding[], unparsed: string[] }} scan
 * @param {import('./findings.d.mts').GateException[]} exceptions
 * @returns {import('./findings.d.mts').GateVerdict}
 */
export function decide(scan, exceptions) {
  const high = scan.findings.filter(isHigh)
  const excuses = (exception, finding) => exception.check === finding.check && exception.file === finding.file
  const blocking = high.filter((finding) => !exceptions.some((exception) => excuses(exception, finding)))
  const excused = high.filter((finding) => !blocking.includes(finding))
  const stale = exceptions.filter((exception) => !high.some((finding) => excuses(exception, finding)))
  return { passed: blocking.length === 0 && scan.unparsed.length === 0, blocking, excused, stale, unparsed: scan.unparsed }
}

/** @param {import('./findings.d.mts').GateFinding} finding */
function where(finding) {
  if (!finding.file) return '(whole app)'
  return finding.line ? `${finding.file}:${finding.line}` : finding.file
}

/**
 * @param {import('./findings.d.mts').GateVerdict} verdict
 * @param {number} total every finding of any severity
 * @returns {string[]} what the gate prints, one line each
 */
export function report(verdict, total) {
  const lines = []
  for (const finding of verdict.blocking) {
    const rated = finding.severity === 'HIGH' ? '' : ` (rated ${finding.severity} by electronegativity)`
    lines.push(`HIGH ${finding.check} at ${where(finding)}${rated}: ${finding.message}`)
  }
  for (const text of verdict.unparsed) lines.push(`not scanned (electronegativity could not parse it): ${text}`)
  for (const exception of verdict.stale)
    lines.push(`stale exception, it matches no HIGH finding: ${exception.check} in ${exception.file ?? '(whole app)'}`)
  const summary = `electronegativity: ${verdict.blocking.length} HIGH finding(s) not excused, ${verdict.excused.length} excused, ${total - verdict.blocking.length - verdict.excused.length} below HIGH`
  lines.push(verdict.passed ? `${summary}: passed.` : `${summary}: failed.`)
  return lines
}
