import { configDefaults, defineConfig } from 'vitest/config'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'

// Where a new test goes: `x.test.ts` is a unit test and must stay fast (no spawned processes, no
// seconds-long runs against the simulator); `x.integration.test.ts` runs the monitor, the app core or
// the built CLI against the simulator over loopback for seconds.
const integrationFiles = ['src/**/*.integration.test.ts', 'scripts/**/*.integration.test.ts', 'bench/**/*.integration.test.ts']
const soakFiles = ['scripts/chaos-soak/**/*.test.ts']

const loopbackTimeouts = { testTimeout: 20_000, hookTimeout: 20_000 }

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/main/**/*.test.ts',
            'src/core/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'src/simulator/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, ...integrationFiles, ...soakFiles],
          // One module registry per worker instead of one per file: the project runs in less than half the
          // time. So a unit test restores what it changes (fake timers, stubbed globals, env) in afterEach.
          isolate: false,
          ...loopbackTimeouts,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: [...integrationFiles],
          ...loopbackTimeouts,
        },
      },
      {
        test: {
          name: 'soak',
          environment: 'node',
          include: soakFiles,
          ...loopbackTimeouts,
        },
      },
      {
        plugins: [vue()],
        resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.test.ts'],
        },
      },
    ],
  },
})
