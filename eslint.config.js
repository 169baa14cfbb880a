import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import architecture from './eslint-rules/index.js';

// The layer map (see README "Where things are"): layers point down, and the rules below say what
// each may import, by where the import lands. db/ and domain/ run under plain Node in tests, so they
// never import Electron, React or the DOM; ipc/ is the shared contract, so it stands alone; the
// renderer reaches domain code only through the pure modules listed here; the preload runs
// sandboxed and ships no zod. Test files are exempt from the layer map (they compose layers) but
// not from the cycle rules.
const uiPackages = ['electron', 'react', 'react-dom'];
const rendererPureDomainModules = [
  'domain/first-words.ts',
  'domain/personal-data/detect-dates.ts',
  'domain/personal-data/scan-personal-data.ts',
  'domain/plain-language/plain-replace.ts',
  'domain/sentiment/sentiment-model.ts',
  'domain/sentiment/suggest-sentiment.ts',
  'domain/stories/consent-rules.ts',
  'domain/tagging/suggest-tags.ts',
  'domain/time/trust-time.ts',
];
const layerMap = [
  {
    files: ['db/**/*.ts'],
    layer: 'db/',
    forbidFolders: ['domain', 'renderer', 'electron', 'host', 'cli'],
    forbidPackages: uiPackages,
  },
  {
    files: ['domain/**/*.ts'],
    layer: 'domain/',
    forbidFolders: ['renderer', 'electron', 'host', 'cli'],
    forbidPackages: uiPackages,
  },
  { files: ['ipc/**/*.ts'], layer: 'ipc/', allowFolders: ['ipc'], allowPackages: ['zod'] },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    layer: 'The renderer',
    forbidFolders: ['db', 'domain', 'electron', 'host', 'cli'],
    allowFiles: rendererPureDomainModules,
  },
  {
    files: ['electron/preload/**/*.ts'],
    layer: 'The preload',
    forbidPackages: ['zod'],
    typeImportsAllowed: true,
    transitive: true,
  },
].map(({ files, ...options }) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  plugins: { architecture },
  rules: { 'architecture/layer-imports': ['error', options] },
}));

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
    files: ['**/*.{ts,tsx}'],
    plugins: { architecture },
    rules: {
      'architecture/no-file-cycles': 'error',
      'architecture/no-folder-cycles': ['error', { featureFolders: ['domain/*', 'renderer/src/pages/*'] }],
    },
  },
  ...layerMap,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
