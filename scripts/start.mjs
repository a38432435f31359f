// `npm start`: the desktop app where Electron can run; elsewhere the same UI in
// web mode, so the app is usable on machines without the Electron binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const webConfigFile = 'vite.web.config.ts';

if (electronBlocker() === 'the Electron binary was not downloaded') downloadElectron();
const blocker = electronBlocker();
if (blocker === undefined) {
  await startDesktop();
} else {
  console.warn(`\nSupport Agent: Electron cannot launch on this machine (${blocker}).`);
  console.warn('Falling back to web mode: the same UI, served to a browser on 127.0.0.1.\n');
  await startWeb();
}

/** Why Electron cannot start here, or undefined when it can. */
function electronBlocker() {
  let binary;
  try {
    // The electron package exports the binary path, and throws when its
    // download never ran (npm install scripts denied, offline machines).
    binary = require('electron');
  } catch {
    return 'the Electron binary was not downloaded';
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return `no Electron binary at ${String(binary)}`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)';
  }
  return undefined;
}

/**
 * `npm install` does not run electron's download script (package.json `allowScripts` denies it, so
 * that installs also succeed offline); the first `npm start` runs it instead. Offline it fails
 * fast and the app falls back to web mode.
 */
function downloadElectron() {
  console.log('Support Agent: downloading the Electron binary (first start)...');
  const script = require.resolve('electron/install.js');
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit', timeout: 300_000 });
  if (result.status !== 0) console.warn('Support Agent: the Electron binary could not be downloaded.');
}

async function startDesktop() {
  const { preview } = await import('electron-vite');
  // Builds main, preload and renderer, then launches Electron on the build.
  await preview({}, { skipBuild: false });
}

async function startWeb() {
  const { build, preview } = await import('vite');
  await build({ configFile: webConfigFile });
  // Not the e2e tests' port (4317), so both can run at once; if busy, take the next free one.
  const server = await preview({ configFile: webConfigFile, preview: { port: 4300, strictPort: false } });
  console.log('\nSupport Agent (web mode) is running. Open it in a browser:');
  server.printUrls();
  console.log('Press Ctrl+C to stop.');
}
