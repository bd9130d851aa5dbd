import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'

const electronOrVue = {
  paths: [
    { name: 'electron', message: 'Only src/main/electron, src/main/index.ts and src/preload may import electron.' },
    { name: 'electron-store', message: 'electron-store imports electron: keep it in src/main/electron.' },
    { name: 'vue', message: 'Vue belongs to the renderer.' },
    { name: 'pinia', message: 'Pinia belongs to the renderer.' },
  ],
  patterns: [{ group: ['electron/*'], message: 'Only the Electron adapter layer may import electron.' }],
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.test-output/**', 'coverage/**'] },
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
  {
    files: ['src/core/**', 'src/shared/**', 'src/cli/**', 'src/simulator/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', electronOrVue] },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.caseMonitor.' }],
          patterns: [
            {
              group: ['**/main/**', '**/main', '**/preload/**', '**/simulator/**', '**/cli/**'],
              message: 'The renderer may import only src/shared and its own code.',
            },
            { group: ['electron/*', 'node:*'], message: 'The renderer has no Node or Electron access.' },
          ],
        },
      ],
    },
  },
)
