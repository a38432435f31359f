// `npm start`: the desktop app where Electron can run; elsewhere the same UI in
// web mode, so the app is usable on machines without the Electron binary.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);

const notDownloaded = 'the Electron binary was not downloaded';
const downloadFailure = electronBlocker() === notDownloaded ? downloadElectron() : undefined;
const blocker = electronBlocker();
if (blocker === undefined) {
  await startDesktop();
} else {
  const why = blocker === notDownloaded && downloadFailure ? `the Electron binary could not be downloaded: ${downloadFailure}` : blocker;
  // One line: the engineer needs to know why, not the downloader's stack.
  console.warn(`Support Agent: Electron cannot launch on this machine (${why}); falling back to web mode, the same app with its UI in a browser on 127.0.0.1.`);
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
    return notDownloaded;
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
 * fast and the app falls back to web mode. Returns why it failed, in a few words, or undefined.
 */
function downloadElectron() {
  console.log('Support Agent: downloading the Electron binary (first start)...');
  const script = require.resolve('electron/install.js');
  const result = spawnSync(process.execPath, [script], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 300_000 });
  if (result.error) return result.error.code === 'ETIMEDOUT' ? 'no answer within 5 minutes' : result.error.message;
  if (result.status === 0) return undefined;
  // The script prints the error's stack: its first line says why (e.g. "RequestError: getaddrinfo ENOTFOUND github.com").
  const firstLine = result.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${result.status}`;
  return firstLine.replace(/^\w*Error: /, '');
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
  // The host builds the page first when it is missing or older than its sources (ensure-renderer-build.ts).
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
