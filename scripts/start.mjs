// `npm start`: the desktop app where Electron can run; elsewhere the same UI in
// web mode, so the app is usable on machines without the Electron binary.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const webConfigFile = 'vite.web.config.ts';

if (electronBlocker() === 'the Electron binary was not downloaded') downloadElectron();
const blocker = electronBlocker();
if (blocker === undefined) {
  await startDesktop();
} else {
  console.warn(`\nSupport Agent: Electron cannot launch on this machine (${blocker}).`);
  console.warn('Falling back to web mode: the same app, its services in a Node host, the UI served to a browser on 127.0.0.1.\n');
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

/**
 * Web mode (`npm run web`): the main-process services in a Node host that serves this UI on
 * 127.0.0.1, with the embedded demo workspace unless a backend was signed in to before. Arguments
 * after `npm start --` go to the host (e.g. `--backend <url> --token-file <path>`).
 */
async function startWeb() {
  const { build } = await import('vite');
  // Built every start, as the desktop path does, so the page matches the sources.
  await build({ configFile: webConfigFile, logLevel: 'warn' });
  // Its own process group: Ctrl+C reaches this script only, which hands the host one signal to stop gracefully.
  const host = spawn(process.execPath, ['--import', 'tsx', 'src-main/web-host/cli.ts', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => host.kill(signal));
  process.on('exit', () => host.kill('SIGTERM'));
  const lines = createInterface({ input: host.stdout });
  lines.once('line', (line) => {
    const info = JSON.parse(line);
    const workspace = info.demo ? 'the embedded demo workspace' : info.backendUrl;
    console.log(`\nSupport Agent (web mode) is running, syncing with ${workspace}.`);
    console.log('Open this address in a browser (it carries this launch\'s secret; keep it to yourself):\n');
    console.log(`  ${info.url}\n`);
    console.log('Press Ctrl+C to stop.');
  });
  const code = await new Promise((resolve) => host.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  process.exit(code);
}
