import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// Proves the folder boundaries in eslint.config.mjs hold. Each fixture is linted under the virtual path
// named on its first line, so nothing planted lives in src/. Every import line carries its expectation:
//   `// fires <rule-id>: <boundary>` — exactly that boundary rule reports this line;
//   `// quiet: <boundary>`            — no boundary rule reports it (a rule is not too broad).
// `import-x/no-unresolved` is switched on here so a "quiet" line cannot pass just because its import
// failed to resolve (no-restricted-paths skips what it cannot resolve).

const repoRoot = resolve(import.meta.dirname, '../..')
const fixturesDir = join(import.meta.dirname, 'fixtures')
const boundaryRules = new Set(['no-restricted-imports', 'import-x/no-restricted-paths', 'import-x/no-unresolved'])

interface Expectation {
  fixture: string
  line: number
  specifier: string
  boundary: string
  fires: string | null
}

interface Fixture {
  name: string
  lintedAs: string
  code: string
  expectations: Expectation[]
}

function readFixture(name: string): Fixture {
  const code = readFileSync(join(fixturesDir, name), 'utf8')
  const lines = code.split('\n')
  const lintedAs = /Linted as (\S+)/.exec(lines[0] ?? '')?.[1]
  if (!lintedAs) throw new Error(`${name}: the first line must say "Linted as <path>"`)
  const expectations: Expectation[] = []
  lines.forEach((text, index) => {
    if (!/\b(import|from)\b.*'[^']+'/.test(text)) return
    const annotation = /\/\/ (?:fires (\S+)|quiet): (.+)$/.exec(text)
    if (!annotation) throw new Error(`${name}:${index + 1}: an import line must end with "// fires <rule>: …" or "// quiet: …"`)
    const specifier = /'([^']+)'/.exec(text)?.[1] ?? ''
    expectations.push({ fixture: name, line: index + 1, specifier, boundary: annotation[2]!, fires: annotation[1] ?? null })
  })
  return { name, lintedAs, code, expectations }
}

const fixtures = readdirSync(fixturesDir).sort().map(readFixture)
const expectations = fixtures.flatMap((fixture) => fixture.expectations)
const messagesByFixture = new Map<string, Linter.LintMessage[]>()

function boundaryMessages(expectation: Expectation): Linter.LintMessage[] {
  const messages = messagesByFixture.get(expectation.fixture) ?? []
  return messages.filter((message) => message.line === expectation.line && boundaryRules.has(message.ruleId ?? ''))
}

function describeResult(messages: Linter.LintMessage[]): string {
  return messages.length === 0 ? 'quiet' : `fired ${messages.map((message) => message.ruleId).join(', ')}`
}

function printTable(): void {
  const rows = expectations.map((expectation) => {
    const result = describeResult(boundaryMessages(expectation))
    const expected = expectation.fires ? `fired ${expectation.fires}` : 'quiet'
    return [result === expected ? 'ok' : 'WRONG', expectation.boundary, result, `${expectation.fixture}:${expectation.line}`]
  })
  const header = ['', 'boundary', 'result', 'fixture']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  const fired = rows.filter((row) => row[2]!.startsWith('fired')).length
  console.log(
    [format(header), ...rows.map(format), `${rows.length} planted imports: ${fired} fired, ${rows.length - fired} quiet`].join('\n'),
  )
}

describe('folder boundaries in eslint.config.mjs', () => {
  beforeAll(async () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfig: { rules: { 'import-x/no-unresolved': 'error' } } })
    for (const fixture of fixtures) {
      const [result] = await eslint.lintText(fixture.code, { filePath: join(repoRoot, fixture.lintedAs), warnIgnored: true })
      messagesByFixture.set(fixture.name, result?.messages ?? [])
    }
    printTable()
  })

  it('lints every fixture under its virtual path (none ignored, none unparsable)', () => {
    for (const fixture of fixtures) {
      const broken = (messagesByFixture.get(fixture.name) ?? []).filter((message) => message.fatal || message.ruleId === null)
      expect(broken, fixture.name).toEqual([])
    }
  })

  it('covers both sides of every boundary', () => {
    expect(expectations.filter((expectation) => expectation.fires).length).toBeGreaterThan(0)
    expect(expectations.filter((expectation) => !expectation.fires).length).toBeGreaterThan(0)
  })

  it.each(expectations.map((expectation) => [`${expectation.fixture}:${expectation.line} ${expectation.boundary}`, expectation] as const))(
    '%s',
    (_title, expectation) => {
      const messages = boundaryMessages(expectation)
      if (!expectation.fires) {
        expect(messages.map((message) => `${message.ruleId}: ${message.message}`)).toEqual([])
        return
      }
      expect(messages.map((message) => message.ruleId)).toEqual([expectation.fires])
      expect(messages[0]!.message).toMatch(new RegExp(`['"]${expectation.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`))
    },
  )
})
