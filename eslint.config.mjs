import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'

const root = import.meta.dirname

// Folder boundaries (STYLE.md: "A file's folder tells you what it may import"). Packages and Node
// built-ins are matched by name with `no-restricted-imports` (static `import`/`export … from` only). Our
// own folders are matched by the resolved file with `import-x/no-restricted-paths`, so relative paths,
// `@shared/*`, `import()` and `require()` are caught too. scripts/lint-boundaries proves every rule.

const packages = {
  electron: { name: 'electron', message: 'Only src/main/electron, src/main/index.ts and src/preload may import electron.' },
  electronStore: { name: 'electron-store', message: 'electron-store imports electron: keep it in src/main/electron.' },
  electronUpdater: { name: 'electron-updater', message: 'electron-updater imports electron: keep it in src/main/electron.' },
  vue: { name: 'vue', message: 'Vue belongs to the renderer.' },
  pinia: { name: 'pinia', message: 'Pinia belongs to the renderer.' },
}
const electronSubpaths = { group: ['electron/*'], message: 'Only the Electron adapter layer may import electron.' }
const noElectronOrVue = [packages.electron, packages.electronStore, packages.electronUpdater, packages.vue, packages.pinia]

const builtinNames = builtinModules.filter((name) => !name.startsWith('_'))

// `noNode`: the message for Node built-ins, which are then forbidden with and without `node:`.
function restrictedPackages(paths, { noNode } = {}) {
  if (!noNode) return ['error', { paths, patterns: [electronSubpaths] }]
  return [
    'error',
    {
      paths: [...paths, ...builtinNames.map((name) => ({ name, message: noNode }))],
      patterns: [electronSubpaths, { group: ['node:*'], message: noNode }],
    },
  ]
}

function restrictedPaths(...zones) {
  return ['error', { basePath: root, zones }]
}

const folder = {
  core: 'src/core',
  main: 'src/main',
  renderer: 'src/renderer',
  preload: 'src/preload',
  simulator: 'src/simulator',
  cli: 'src/cli',
  shared: 'src/shared',
}
const forbid = (target, from, message) => ({ target, from, message })
// `from: '.'` with exceptions: "nothing of ours but these folders"; packages stay importable.
const onlyFrom = (target, allowed, message) => ({ target, from: '.', except: [...allowed, 'node_modules'], message })

// Core tests run against the real simulator over loopback; this is the only door from core to it.
// One glob (not a list) so an import matching two of its parts is reported once.
const coreTestFiles = 'src/core/**/{*.test.ts,testing/**,*-test-kit.ts}'
const coreZones = [
  forbid(folder.core, folder.main, 'The core runs under plain Node: it must not import the Electron app (src/main).'),
  forbid(folder.core, folder.renderer, 'The core must not import the renderer.'),
  forbid(folder.core, folder.preload, 'The core must not import the preload.'),
  forbid(folder.core, folder.cli, 'The core must not import the CLI; the CLI imports the core.'),
]
const coreProductionZones = [
  ...coreZones,
  forbid(folder.core, folder.simulator, 'Only core tests (*.test.ts, testing/**, *-test-kit.ts) may import the simulator.'),
  forbid(folder.core, coreTestFiles, 'Production core code must not import test support (it pulls in the simulator).'),
]
const headlessZones = (target) => [
  forbid(target, folder.main, 'Headless code (CLI, simulator, scripts) must not import the Electron app (src/main).'),
  forbid(target, folder.renderer, 'Headless code (CLI, simulator, scripts) must not import the renderer.'),
]

const boundaries = [
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.mts', '.cts', '.vue', '.js', '.mjs', '.cjs', '.json', '.node'],
          extensionAlias: { '.js': ['.ts', '.js'], '.mjs': ['.mts', '.mjs'] },
        }),
      ],
    },
  },
  {
    // The renderer's `@shared/*` alias lives in tsconfig.web.json; resolve it from there so it cannot drift.
    files: ['src/renderer/**'],
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.vue', '.js', '.mjs', '.json'],
          tsconfig: { configFile: resolve(root, 'tsconfig.web.json') },
        }),
      ],
    },
  },
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs,vue}'],
    ignores: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': restrictedPackages([packages.electron, packages.electronStore, packages.electronUpdater]) },
  },
  {
    // The Electron stand-in is typed by Electron's own declarations: types only, never the package itself.
    files: ['e2e/desktop/stand-in/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ ...packages.electron, allowTypeImports: true }, packages.electronStore, packages.electronUpdater],
          patterns: [electronSubpaths],
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': restrictedPackages(noElectronOrVue),
      'import-x/no-restricted-paths': restrictedPaths(...coreProductionZones),
    },
  },
  {
    files: [coreTestFiles],
    rules: { 'import-x/no-restricted-paths': restrictedPaths(...coreZones) },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrictedPackages(noElectronOrVue, { noNode: 'src/shared runs in the renderer too: no Node built-ins.' }),
      'import-x/no-restricted-paths': restrictedPaths(
        onlyFrom(folder.shared, [folder.shared], 'src/shared may import only src/shared and packages.'),
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrictedPackages(
        [
          { name: 'electron', message: 'The renderer talks to main only through window.caseMonitor.' },
          packages.electronStore,
          packages.electronUpdater,
        ],
        { noNode: 'The renderer has no Node access.' },
      ),
      'import-x/no-restricted-paths': restrictedPaths(
        ...[folder.core, folder.main, folder.preload, folder.simulator, folder.cli].map((from) =>
          forbid(folder.renderer, from, 'The renderer may import only src/shared (as @shared/*) and its own code.'),
        ),
      ),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'import-x/no-restricted-paths': restrictedPaths(
        onlyFrom(folder.preload, [folder.preload, folder.shared], 'The preload is a generic bridge: it may import only src/shared.'),
      ),
    },
  },
  {
    files: ['src/cli/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': restrictedPackages(noElectronOrVue),
      'import-x/no-restricted-paths': restrictedPaths(...headlessZones(folder.cli), ...headlessZones('scripts')),
    },
  },
  {
    files: ['src/simulator/**'],
    rules: {
      'no-restricted-imports': restrictedPackages(noElectronOrVue),
      'import-x/no-restricted-paths': restrictedPaths(
        onlyFrom(folder.simulator, [folder.simulator, folder.shared], 'The simulator may import only src/shared and itself.'),
      ),
    },
  },
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
      'coverage/**',
      // Planted imports, linted under virtual paths by scripts/lint-boundaries/lint-boundaries.test.ts.
      'scripts/lint-boundaries/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // TypeScript already checks names; ESLint's no-undef does not know DOM or Node types (typescript-eslint's advice).
    files: ['**/*.ts', '**/*.mts', '**/*.vue'],
    rules: { 'no-undef': 'off' },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  ...boundaries,
)
