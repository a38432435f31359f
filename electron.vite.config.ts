import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { relaxCspInDev } from './scripts/relax-csp-in-dev.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string): string => resolve(projectRoot, path);

// Entries are explicit because the folders do not follow electron-vite's
// src/main, src/preload, src/renderer convention.
export default defineConfig({
  main: {
    resolve: { tsconfigPaths: true },
    build: {
      outDir: fromRoot('out/main'),
      // -> out/main/index.js, which package.json "main" points at, and the embedded database's
      // thread next to it (src-backend/db/open-pglite.ts looks for pglite-thread.js there).
      rolldownOptions: {
        input: { index: fromRoot('src-main/electron/main.ts'), 'pglite-thread': fromRoot('src-backend/db/pglite-thread.ts') },
      },
    },
  },
  preload: {
    resolve: { tsconfigPaths: true },
    build: {
      outDir: fromRoot('out/preload'),
      // A sandboxed preload can only require `electron`: bundle every dependency
      // into one CommonJS file (sandboxed preloads cannot be ES modules).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('src-renderer'),
    plugins: [react(), relaxCspInDev()],
    resolve: { tsconfigPaths: true },
    build: {
      outDir: fromRoot('out/renderer'),
      rolldownOptions: { input: fromRoot('src-renderer/index.html') },
    },
  },
});
