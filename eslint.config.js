import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'worker_threads', 'zlib', 'buffer', 'module', 'util', 'events'];
const noNode = [{ group: ['node:*'], message: 'Pure code: no Node built-ins here.' }];
const noNative = { name: 'better-sqlite3', message: 'Only src/db and the import writer talk to SQLite.' };
const noElectron = { name: 'electron', message: 'The core knows nothing of Electron: keep it in electron/.' };
const builtinPaths = NODE_BUILTINS.map((name) => ({ name, message: 'Pure code: no Node built-ins here.' }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    // expect.any / expect.stringContaining are typed any by design.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Playwright fixtures declare their dependencies with an object pattern, empty when there are none.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  // The boundaries of ARCHITECTURE.md.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['src/domain/**/*.ts', 'src/shared/**/*.ts', 'src/demo/**/*.ts', 'src/review/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, noNative, ...builtinPaths],
        patterns: [...noNode, { group: ['**/db/*', '**/import/*', '**/services/*', '**/server/*', '**/cli/*', '**/renderer/*'], message: 'Pure layers depend on nothing above them.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [noElectron, noNative, ...builtinPaths],
        patterns: [...noNode, { group: ['**/db/*', '**/import/*', '**/services/*', '**/server/*', '**/cli/*'], message: 'The renderer reaches the core only through the API.' }],
      }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noNative],
        patterns: [{ group: ['**/src/services/*', '**/src/db/*', '**/src/import/*'], message: 'The preload only relays API calls.' }],
      }],
    },
  },
);
