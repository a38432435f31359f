import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_BUILD_DIR = join(PROJECT_ROOT, 'dist-web');

/**
 * The built renderer (`npm run build:web`), built first when it is missing or older than its sources,
 * so that `npm run web` works from a fresh clone and never serves a UI older than the checkout.
 * Vite's output goes to stderr: stdout carries only the JSON line.
 */
export async function ensureRendererBuild(log: (message: string) => void): Promise<string> {
  const built = join(RENDERER_BUILD_DIR, 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestSourceMtime()) return RENDERER_BUILD_DIR;
  log(`the renderer build in ${RENDERER_BUILD_DIR} is missing or older than its sources: building it (vite build --config vite.web.config.ts)`);
  // Vite's package exports hide bin/, but package.json is exported: its bin sits next to it.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', 'vite.web.config.ts'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(process.stderr, { end: false });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0 || !existsSync(join(RENDERER_BUILD_DIR, 'index.html'))) throw new Error(`building the renderer failed (vite exited with ${String(code)}); run npm run build:web to see why`);
  return RENDERER_BUILD_DIR;
}

/** The renderer's inputs: its own folder, the shared code it bundles, and the build config. */
const SOURCE_ROOTS = ['src-renderer', 'src-shared', 'vite.web.config.ts', 'package-lock.json'];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  for (const root of SOURCE_ROOTS) {
    const path = join(PROJECT_ROOT, root);
    if (existsSync(path)) visit(path);
  }
  return newest;
}
