#!/usr/bin/env node
// UI benchmark: keystroke-to-filtered-list and scroll frame times with 2,000 watched cases (docs/benchmarks.md).
// Usage: npm run build && npm run bench:ui [-- --quick] [-- --profile cpu.cpuprofile]
// The benchmark is TypeScript beside the e2e fixtures it reuses; Vite bundles it for Node first, as the
// Playwright global setup bundles the page bridge. runUiBenchmark() is the module a wider bench suite calls.
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, profile: { type: 'string' }, trace: { type: 'string' } },
})

// Two folders below the root, like bench/ui, so the bundle's __dirname-relative paths still reach the repository.
const outDir = resolve(root, '.test-output/bench-ui')
await build({
  configFile: false,
  logLevel: 'error',
  build: {
    ssr: resolve(root, 'bench/ui/ui-benchmark.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'ui-benchmark.cjs' } },
  },
})
const { runUiBenchmark, fullOptions, quickOptions } = await import(pathToFileURL(resolve(outDir, 'ui-benchmark.cjs')).href)
const options = {
  ...(values.quick ? quickOptions : fullOptions),
  ...(values.profile ? { profilePath: resolve(values.profile) } : {}),
  ...(values.trace ? { tracePath: resolve(values.trace) } : {}),
}
const figures = await runUiBenchmark(options)

const targets = { keystroke: 50, scrollFrame: 33 }
const row = (name, p50, p95, p99, samples, target) =>
  `${name.padEnd(28)} ${String(p50).padStart(7)} ${String(p95).padStart(7)} ${String(p99).padStart(7)} ${String(samples).padStart(8)}   ${
    p95 <= target ? `≤ ${target} ms: met` : `≤ ${target} ms: MISSED by ${Math.round((p95 - target) * 10) / 10} ms`
  }`
console.log(
  `UI benchmark, ${figures.cases} watched cases${values.quick ? ' (quick)' : ''}, ${figures.caseUpdatesPerSecond} case updates/s pushed to the window`,
)
console.log(
  `${''.padEnd(28)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'samples'.padStart(8)}   target (p95)`,
)
console.log(
  row(
    'keystroke → filtered list',
    figures.keystrokeP50Ms,
    figures.keystrokeP95Ms,
    figures.keystrokeP99Ms,
    figures.keystrokeSamples,
    targets.keystroke,
  ),
)
console.log(
  row(
    'scroll frame',
    figures.scrollFrameP50Ms,
    figures.scrollFrameP95Ms,
    figures.scrollFrameP99Ms,
    figures.scrollFrameSamples,
    targets.scrollFrame,
  ),
)
console.log(`main thread in long tasks while scrolling: ${Math.round(figures.scrollLongTaskShare * 100)}% of the time`)
console.log(JSON.stringify(figures))
