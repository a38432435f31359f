import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { relaxCspInDev } from './scripts/relax-csp-in-dev.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/** Host and port of `vite preview` for web mode and the end-to-end tests. */
export const webPreview = { host: '127.0.0.1', port: 4317 } as const;

// The same renderer as the desktop app, built for a plain browser (web mode,
// end-to-end tests in Chromium). Without the preload, `window.agent` is absent.
export default defineConfig({
  root: resolve(projectRoot, 'src-renderer'),
  plugins: [react(), relaxCspInDev()],
  resolve: { tsconfigPaths: true },
  build: {
    outDir: resolve(projectRoot, 'dist-web'),
    emptyOutDir: true,
  },
  preview: { ...webPreview, strictPort: true },
});
