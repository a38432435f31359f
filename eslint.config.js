// @ts-check
// Lint rules that keep the layers of docs/architecture.md honest: what each folder may
// import, and which runtime globals it may touch. The per-runtime tsconfigs
// enforce the same boundaries at compile time; lint names the rule broken.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const esGlobals = new Set(Object.keys(globals.es2023));
const browserOnlyGlobals = Object.keys(globals.browser).filter(
  (name) => !esGlobals.has(name) && !(name in globals.node),
);
const nodeOnlyGlobals = Object.keys(globals.node).filter(
  (name) => !esGlobals.has(name) && !(name in globals.browser),
);
const nonEsGlobals = [...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)])].filter(
  (name) => !esGlobals.has(name),
);

/** Import groups, each with the reason an engineer sees when the rule fires. */
const forbid = {
  electron: { regex: '^electron(?:/|$)', message: 'Electron APIs live only in src-main/electron and src-main/preload.' },
  nodePrefixed: { regex: '^node:', message: 'Node builtins are not available in this layer.' },
  react: { regex: '^react', message: 'React belongs to src-renderer.' },
  dexie: { regex: '^dexie', message: 'The Dexie cache belongs to src-renderer/db.' },
  uiLibraries: { regex: '^(?:@tanstack/|zustand(?:/|$))', message: 'UI libraries belong to src-renderer.' },
  srcMain: { regex: '(?:^|/)src-main(?:/|$)', message: 'Reach the main process through the IPC contract in src-shared/ipc.' },
  srcRenderer: { regex: '(?:^|/)src-renderer(?:/|$)', message: 'The renderer is a leaf: nothing imports it.' },
  srcBackend: { regex: '(?:^|/)src-backend(?:/|$)', message: 'Reach the backend through the contract in src-shared/contract.' },
  test: { regex: '(?:^|/)test(?:/|$)', message: 'Production code must not import test code.' },
  /** Outside src-shared, its modules are imported through the one alias that tsconfig.json declares. */
  sharedByPath: { regex: '(?:^|/)src-shared(?:/|$)', message: "Import src-shared through its alias: '@shared/…'." },
  /** Inside src-shared, imports stay relative: the alias is for the layers that depend on it. */
  sharedAlias: { regex: '^@shared(?:/|$)', message: 'Inside src-shared, import its files by relative path.' },
};

const nodeBuiltinPaths = nodeBuiltins.map((name) => ({
  name,
  message: 'Node builtins are not available in this layer.',
}));

/** @param {{ regex: string, message: string }[]} patterns @param {{ name: string, message: string }[]} [paths] */
function restrictImports(patterns, paths = []) {
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

/** @param {string[]} names @param {string} layer */
function restrictGlobals(names, layer) {
  return {
    'no-restricted-globals': ['error', ...names.map((name) => ({ name, message: `\`${name}\` is not available in ${layer}.` }))],
  };
}

// Everything src-main may not import, except electron (allowed in its shell files only).
const mainImportBans = [forbid.react, forbid.dexie, forbid.uiLibraries, forbid.srcRenderer, forbid.srcBackend, forbid.test, forbid.sharedByPath];

export default defineConfig(
  globalIgnores(['.scratch/', 'out/', 'dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', '.tsbuild/', '.data/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },

  {
    name: 'layer/src-shared',
    files: ['src-shared/**'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      ...restrictImports([
        {
          // Allow-list: relative files, luxon and zod. Everything else is a layer breach.
          regex: '^(?!\\.{1,2}/|luxon(?:/|$)|zod(?:/|$))',
          message: 'src-shared is pure TypeScript: it may import only luxon, zod and files inside src-shared.',
        },
        forbid.srcMain,
        forbid.srcRenderer,
        forbid.srcBackend,
        forbid.test,
        forbid.sharedAlias,
      ]),
      ...restrictGlobals(nonEsGlobals, 'src-shared (pure TypeScript, runs everywhere)'),
    },
  },

  {
    name: 'layer/src-main',
    files: ['src-main/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...restrictImports([forbid.electron, ...mainImportBans]),
      ...restrictGlobals(browserOnlyGlobals, 'the main process'),
    },
  },
  {
    name: 'layer/src-main electron shell',
    files: ['src-main/electron/**', 'src-main/preload/**'],
    rules: restrictImports(mainImportBans),
  },

  {
    // The embedded demo workspace is the reference backend run in-process: the one src-main file that imports it.
    name: 'layer/src-main embedded demo',
    files: ['src-main/services/embedded-demo.ts'],
    rules: restrictImports([forbid.electron, ...mainImportBans.filter((ban) => ban !== forbid.srcBackend)]),
  },

  {
    name: 'layer/src-renderer',
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      ...restrictImports(
        [
          { ...forbid.electron, message: 'The renderer reaches Electron only through the preload API (window.agent).' },
          forbid.nodePrefixed,
          forbid.srcMain,
          forbid.srcBackend,
          forbid.test,
          forbid.sharedByPath,
        ],
        nodeBuiltinPaths,
      ),
      ...restrictGlobals(nodeOnlyGlobals, 'the renderer (a sandboxed browser page)'),
    },
  },

  {
    name: 'layer/src-backend',
    files: ['src-backend/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...restrictImports([
        { ...forbid.electron, message: 'The backend is a plain Node server: no Electron.' },
        forbid.react,
        forbid.dexie,
        forbid.uiLibraries,
        forbid.srcMain,
        forbid.srcRenderer,
        forbid.test,
        forbid.sharedByPath,
      ]),
      ...restrictGlobals(browserOnlyGlobals, 'the backend (Node)'),
    },
  },

  {
    // Tests, tool configs and scripts run in Node and drive browsers.
    name: 'tooling',
    files: ['test/**', 'scripts/**', '*.config.{js,ts,mjs}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: restrictImports([forbid.sharedByPath]),
  },
);
