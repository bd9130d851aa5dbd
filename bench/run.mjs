#!/usr/bin/env node
// The benchmark suite (docs/benchmarks.md): npm run bench [-- --quick] [-- --only ui,cpu] [-- --out file.json]
// Prints a table of every figure against its target and writes bench/results.json. Needs `npm run build` first
// (`npm run bench` does it): the benchmarks run the built CLI and the built renderer. The suite is TypeScript
// beside the fixtures it reuses; Vite bundles it for Node first, as the Playwright global setup bundles the page bridge.
import { writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } },
})

// Two folders below the root, like bench/, so the bundle's __dirname-relative paths still reach the repository.
const outDir = resolve(root, '.test-output/bench-suite')
await build({
  configFile: false,
  logLevel: 'error',
  build: {
    ssr: resolve(root, 'bench/suite.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'suite.cjs' } },
  },
})
const { runBenchSuite, formatResults } = await import(pathToFileURL(resolve(outDir, 'suite.cjs')).href)
const results = await runBenchSuite({
  quick: values.quick,
  only: values.only?.split(',').map((name) => name.trim()),
  log: (line) => process.stderr.write(`${line}\n`),
})
const outPath = resolve(values.out ?? resolve(root, 'bench/results.json'))
writeFileSync(outPath, `${JSON.stringify(results, null, 2)}\n`)
console.log(formatResults(results))
console.log(`written: ${outPath}`)
process.exitCode = results.errors.length === 0 ? 0 : 1
