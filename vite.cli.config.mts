import { chmodSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import packageJson from './package.json' with { type: 'json' }

// Packages are bundled in: resolving and reading each of zod's, uuid's and eventsource's many files cost
// more start-up time than running them (issue 12 item 9). conf (with ajv) stays a package, loaded only for --state-dir.
const lazyPackages = ['conf'] satisfies (keyof typeof packageJson.dependencies)[]
const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...lazyPackages]

/** `npx case-monitor` runs the bin file directly, so it must be executable. */
const makeExecutable = (): Plugin => ({
  name: 'make-cli-executable',
  writeBundle(options, bundle) {
    for (const fileName of Object.keys(bundle)) if (fileName.endsWith('.mjs')) chmodSync(join(options.dir!, fileName), 0o755)
  },
})

// The headless CLI: the same core as the app, built for plain Node (no Electron).
export default defineConfig({
  plugins: [makeExecutable()],
  ssr: { noExternal: true },
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: true,
    rollupOptions: {
      external,
      // Chunks hold what a command loads when it runs; .mjs, as the package is not "type": "module".
      output: { format: 'esm', entryFileNames: 'index.mjs', chunkFileNames: '[name]-[hash].mjs', banner: '#!/usr/bin/env node' },
    },
  },
})
