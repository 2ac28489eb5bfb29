import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.data/**', 'eslint.config.mjs', 'vitest*.config.mts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React's handlers may return a promise (react-hook-form's handleSubmit does): attributes are exempt.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // A body on its own line gets braces; `if (done) return;` on one line needs none.
      curly: ['error', 'multi-line', 'consistent'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@touchpoint/*/*', '**/libs/*/src/*'],
              message: 'Import a lib through its index: @touchpoint/<lib>.',
            },
          ],
        },
      ],
    },
  },
  // Apps meet only through libraries: what two apps share is a lib (@touchpoint/worker runs the worker
  // inside the API process for `npm start`).
  ...['api', 'worker', 'console'].map((app) => ({
    files: [`apps/${app}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@touchpoint/*/*', '**/libs/*/src/*'],
              message: 'Import a lib through its index: @touchpoint/<lib>.',
            },
            {
              group: [
                '**/apps/*',
                ...['api', 'worker', 'console'].filter((a) => a !== app).map((a) => `**/${a}/src/**`),
              ],
              message: 'An app never imports another app: move what both need to a lib under libs/.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['libs/journeys/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'bullmq', 'ioredis', 'kysely', 'pg', '@electric-sql/*', '@touchpoint/*'],
              message: 'libs/journeys is plain TypeScript over plain data.',
            },
          ],
        },
      ],
    },
  },
  // Scripts are plain ES modules run by Node: linted, without type information (they are in no tsconfig).
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['apps/console/**/*.{ts,tsx,mts}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
);
