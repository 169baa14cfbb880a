import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Where code may run is enforced here: db/, domain/ and ipc/ are plain TypeScript that runs
// under Node in tests, so they may not import Electron, React or the DOM.
const pureLayerRestrictions = {
  paths: [
    {
      name: 'electron',
      message: 'db/, domain/ and ipc/ run under plain Node: pass Electron side effects in.',
    },
    { name: 'react', message: 'db/, domain/ and ipc/ never render.' },
  ],
  patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'Layers only point down.' }],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['db/**/*.ts', 'domain/**/*.ts', 'ipc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pureLayerRestrictions] },
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
              group: ['**/db/**', '**/electron/**', '**/host/**'],
              message: 'The renderer talks to the app only through window.api.',
            },
          ],
        },
      ],
    },
  },
);
