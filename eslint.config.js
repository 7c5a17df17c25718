// Lint rules, zero warnings allowed. Process boundaries are enforced here: shared/ stays pure
// (no Node, Electron, SQLite or React); the renderer never imports main-process code; the
// data core never imports Electron, so it runs under plain Node for the CLI and tests.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'resources/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
            {
              group: ['electron', 'electron/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'react', 'react-dom'],
              message: 'shared/ is pure.',
            },
            {
              group: ['#core/*', '../electron/*', '../../electron/*', '../renderer/*', '../../renderer/*'],
              message: 'shared/ depends on nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The data core and CLI run under plain Node: no Electron.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Open write transactions with writeTransaction() (db/write-transaction.ts): BEGIN IMMEDIATE.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '#core/*'],
              message: 'The renderer reaches data only through window.winnow.',
            },
            { group: nodeBuiltins, message: 'No Node in the renderer.' },
          ],
          paths: [{ name: 'echarts', message: 'Import from echarts/core and register what you use.' }],
        },
      ],
    },
  },
);
