import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cliPath, ensureBuiltCli, runCli } from './testing/built-cli'

// Static imports of the (minified) bundle: `import{a as b}from"x"`, `import"x"`; never `import("x")`.
const staticImports = (source: string): string[] =>
  [...source.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)].map((match) => match[1]!)
const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtinModules.includes(specifier)

// Start-up is module loading (issue 12 item 9): what the first line of `watch` does not need is loaded when asked for.
describe('the built CLI bundle', () => {
  beforeAll(ensureBuiltCli, 60_000)

  it('starts from one file that imports only Node built-ins and its own chunks', () => {
    const imports = staticImports(readFileSync(cliPath, 'utf8'))
    expect(imports.filter((specifier) => !isBuiltin(specifier) && !specifier.startsWith('./'))).toEqual([])
  })

  it('loads the simulator and the state-dir storage (conf) only in chunks of their own, every one executable ESM', () => {
    const entry = readFileSync(cliPath, 'utf8')
    expect(entry).not.toContain('createServer')
    const chunks = readdirSync(dirname(cliPath)).filter((name) => name !== 'index.mjs' && !name.endsWith('.map'))
    expect(chunks.length).toBeGreaterThan(0)
    for (const chunk of chunks) expect(chunk).toMatch(/\.mjs$/)
    const confImporters = chunks.filter((chunk) => staticImports(readFileSync(join(dirname(cliPath), chunk), 'utf8')).includes('conf'))
    expect(confImporters).toHaveLength(1)
  })

  it('still runs both commands from the lazy chunks', async () => {
    expect((await runCli(['simulator', '--help'])).code).toBe(0)
    const watch = await runCli(['watch', '--state-dir', '/nonexistent/x', 'not-a-case'], { VERIDOX_API_KEY: 'vdx_simulator' })
    expect(watch).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a Veridox case ID') })
  })
})
