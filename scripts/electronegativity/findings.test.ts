import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decide, parseExceptions, readSarif, report, type GateException } from './findings.mjs'

// Both fixtures are SARIF written by really running tools/electronegativity/scan.mjs (electronegativity 1.10.3,
// -e 45.5.0): planted.sarif over the planted window of gate.integration.test.ts (nodeIntegration: true,
// contextIsolation: false, no navigation limits), sources.sarif over this project's own scanned sources.
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'))
const planted = readSarif(fixture('planted.sarif'))
const sources = readSarif(fixture('sources.sarif'))

const exception = (check: string, file: string | null): GateException => ({
  check,
  file,
  reason: 'reviewed: the finding cannot happen here because …',
})

describe('the electronegativity gate', () => {
  it('blocks on the HIGH findings of the planted insecure window, and only on those', () => {
    const verdict = decide(planted, [])
    expect(verdict.passed).toBe(false)
    expect(verdict.blocking.map((finding) => [finding.check, finding.file])).toEqual([
      ['LIMIT_NAVIGATION_GLOBAL_CHECK', null],
      ['NODE_INTEGRATION_JS_CHECK', 'insecure-window.ts'],
      ['CONTEXT_ISOLATION_JS_CHECK', 'insecure-window.ts'],
      ['SANDBOX_JS_CHECK', 'insecure-window.ts'],
    ])
    expect(planted.findings.length).toBeGreaterThan(verdict.blocking.length) // MEDIUM and below never block
  })

  it('passes the real sources, whose findings are all below HIGH', () => {
    expect(sources.findings.length).toBeGreaterThan(0)
    const verdict = decide(
      sources,
      parseExceptions(JSON.parse(readFileSync(join(import.meta.dirname, '../../tools/electronegativity/exceptions.json'), 'utf8'))),
    )
    expect(verdict).toMatchObject({ passed: true, blocking: [], stale: [] })
  })

  // electronegativity 1.10.3 rates an explicit `nodeIntegration: true` INFORMATIONAL and `sandbox` left off
  // MEDIUM; either finding means a window whose page could reach Node, so the gate counts both as HIGH.
  it('counts node integration and sandbox findings as HIGH whatever electronegativity rates them', () => {
    const raised = decide(planted, []).blocking.filter((finding) => finding.severity !== 'HIGH')
    expect(raised.map((finding) => [finding.check, finding.severity])).toEqual([
      ['NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL'],
      ['SANDBOX_JS_CHECK', 'MEDIUM'],
    ])
  })

  it('lets an exception excuse exactly the check and file it names', () => {
    const verdict = decide(planted, [exception('CONTEXT_ISOLATION_JS_CHECK', 'insecure-window.ts')])
    expect(verdict.excused.map((finding) => finding.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK'])
    expect(verdict.blocking.map((finding) => finding.check)).toEqual([
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
    ])
    expect(decide(planted, [exception('CONTEXT_ISOLATION_JS_CHECK', 'other.ts')]).blocking).toHaveLength(4)

    const everything = decide(planted, [
      exception('CONTEXT_ISOLATION_JS_CHECK', 'insecure-window.ts'),
      exception('NODE_INTEGRATION_JS_CHECK', 'insecure-window.ts'),
      exception('SANDBOX_JS_CHECK', 'insecure-window.ts'),
      exception('LIMIT_NAVIGATION_GLOBAL_CHECK', null),
    ])
    expect(everything).toMatchObject({ passed: true, blocking: [], stale: [] })
  })

  it('reports an exception that matches no HIGH finding as stale, without failing on it', () => {
    const staleOne = exception('NODE_INTEGRATION_JS_CHECK', 'insecure-window.ts') // present, but only INFORMATIONAL
    const verdict = decide(sources, [staleOne])
    expect(verdict).toMatchObject({ passed: true, stale: [staleOne] })
    expect(report(verdict, sources.findings.length)).toContain(
      'stale exception, it matches no HIGH finding: NODE_INTEGRATION_JS_CHECK in insecure-window.ts',
    )
  })

  it('fails when a file could not be parsed, since nothing in it was checked', () => {
    const verdict = decide({ findings: [], unparsed: ['out/main/index.js: Unknown node type ClassPrivateProperty.'] }, [])
    expect(verdict.passed).toBe(false)
    expect(report(verdict, 0)).toContain(
      'not scanned (electronegativity could not parse it): out/main/index.js: Unknown node type ClassPrivateProperty.',
    )
  })

  it('refuses an exception without a reason, or with an unknown field', () => {
    expect(() => parseExceptions([{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'a.ts' }])).toThrow(/0\.reason/)
    expect(() => parseExceptions([{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'a.ts', reason: '  ' }])).toThrow(/say why/)
    expect(() => parseExceptions([{ ...exception('CONTEXT_ISOLATION_JS_CHECK', 'a.ts'), line: 3 }])).toThrow(/line/)
    expect(parseExceptions([exception('CONTEXT_ISOLATION_JS_CHECK', null)])).toHaveLength(1)
  })

  it('names each blocking finding with its place and ends with a verdict line', () => {
    const lines = report(decide(planted, []), planted.findings.length)
    expect(lines).toEqual([
      'HIGH LIMIT_NAVIGATION_GLOBAL_CHECK at (whole app): Missing navigation limits using .on new-window and will-navigate events',
      'HIGH NODE_INTEGRATION_JS_CHECK at insecure-window.ts:4 (rated INFORMATIONAL by electronegativity): Disable nodeIntegration for untrusted origins',
      'HIGH CONTEXT_ISOLATION_JS_CHECK at insecure-window.ts:4: Review the use of the contextIsolation option',
      'HIGH SANDBOX_JS_CHECK at insecure-window.ts:4 (rated MEDIUM by electronegativity): Use sandbox for untrusted origins',
      'electronegativity: 4 HIGH finding(s) not excused, 0 excused, 3 below HIGH: failed.',
    ])
  })

  it('refuses a SARIF without severities (the CLI writes those) rather than passing it', () => {
    const withoutSeverity = { version: '2.1.0', runs: [{ results: [{ ruleId: 'CONTEXT_ISOLATION_JS_CHECK', message: { text: 'x' } }] }] }
    expect(() => readSarif(withoutSeverity)).toThrow(/results\.0\.properties/)
  })
})
