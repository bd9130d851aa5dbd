import { chmodSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import packageJson from './package.json' with { type: 'json' }

const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...Object.keys(packageJson.dependencies)]

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
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      external,
      output: { format: 'esm', entryFileNames: 'index.mjs', banner: '#!/usr/bin/env node' },
    },
  },
})
