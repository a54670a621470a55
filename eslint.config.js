// Lint, and the architecture's boundaries: which folder may import what, and who may touch IPC.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ipcOnlyHere = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only electron/ipc.ts (ipcMain) and electron/preload.ts (ipcRenderer) touch IPC.',
};

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', '.tsc-cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'core/ is plain Node: no electron, react or DOM.',
          })),
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', 'react-dom/*'],
              message: 'core/ imports nothing from the shells.',
            },
          ],
        },
      ],
    },
  },
  {
    // DOM types reach core/ through @types/jsdom (capture parses pages server-side); browser globals must not.
    files: ['core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'localStorage'].map((name) => ({
          name,
          message: 'core/ runs in Node: there is no browser here.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['lowdb', 'electron', 'zod'].map((name) => ({
            name,
            message: 'The UI reaches the archive only through window.archive or HTTP (renderer/api.ts).',
          })),
          patterns: [
            { regex: '^node:', message: 'The UI runs in a browser: no Node modules.' },
            {
              group: ['fs', 'path', 'os', 'child_process', 'crypto'],
              message: 'The UI runs in a browser: no Node modules.',
            },
            {
              // Type-only imports included (this rule checks them; the one below lets them through).
              regex: '/core/(?!(api|model)\\.ts$|model/|common/)',
              message:
                'The UI may import only the contract (core/api.ts), the model (core/model.ts) and core/common/ from core/.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/core/(?!common/)',
              allowTypeImports: true,
              message:
                'At run time the UI imports only core/common/ (no zod, no Node): use `import type` for the rest.',
            },
          ],
        },
      ],
    },
  },
  {
    // Runs everywhere (Node, the UI, the preload): nothing from Node, no zod, nothing else of core.
    files: ['core/common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'lowdb'].map((name) => ({
            name,
            message: 'core/common/ runs everywhere: plain TypeScript only.',
          })),
          patterns: [
            { regex: '^node:', message: 'core/common/ runs everywhere: no Node modules.' },
            { regex: '^\\.\\./', message: 'core/common/ imports nothing from the rest of core.' },
          ],
        },
      ],
    },
  },
  {
    // The preload bundles what it imports at run time: the contract's types only, never its tables (zod).
    files: ['electron/preload.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/core/(?!common/)',
              allowTypeImports: true,
              message: 'The preload imports only types from core/ (and core/common/): it must bundle no zod.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser extension runs in the browser, built on its own: it shares nothing with the app but the protocol.
    files: ['clipper/**'],
    languageOptions: { globals: { ...globals.browser, chrome: 'readonly' } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'The clipper runs in the browser: no Node modules.' },
            {
              group: ['**/core/**', '**/renderer/**', '**/electron/**'],
              message: 'The clipper is its own program: it speaks to the app over the clipper protocol only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**', 'tests/**', 'scripts/**'],
    ignores: ['electron/ipc.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ipcOnlyHere] }] },
  },
);
