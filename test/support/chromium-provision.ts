import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findChromium, machineProbes, type FoundChromium } from './chromium-path';

/** A step that can fail, with why in a few words. */
type StepResult = { ok: true } | { ok: false; reason: string };

/**
 * Whether Debian's package can be installed here: as root, through passwordless sudo (CI runners),
 * not without a password ('needs-sudo'), or not at all (no apt: not Debian or Ubuntu).
 */
export type AptAccess = 'root' | 'sudo' | 'needs-sudo' | 'absent';

/** What provisioning does to the machine, injected so that its decisions are testable without doing it. */
export interface ProvisionSteps {
  find: () => FoundChromium | undefined;
  isExecutableFile: (path: string) => boolean;
  playwrightInstall: () => StepResult;
  apt: () => AptAccess;
  aptInstall: (access: 'root' | 'sudo') => StepResult;
  /** Where the package just installed put the browser. */
  aptInstalledPath: () => string | undefined;
  say: (line: string) => void;
}

export type Provisioned = { ok: true; chromium: FoundChromium } | { ok: false; sentence: string };

/**
 * A Chromium for the end-to-end tests: the one discovery finds (chromium-path.ts), else Playwright's
 * own downloaded, else Debian's package installed. When none can be had, one sentence naming the
 * command that gets one.
 */
export function provisionChromium(steps: ProvisionSteps): Provisioned {
  const found = steps.find();
  if (found?.source === 'CHROMIUM_PATH' && !steps.isExecutableFile(found.path)) {
    return { ok: false, sentence: `CHROMIUM_PATH is ${found.path}, which is not an executable file: set it to a Chromium or Chrome executable, or unset it, then run \`npm test\` again.` };
  }
  if (found) return { ok: true, chromium: found };

  steps.say('No Chromium found (CHROMIUM_PATH unset, no Playwright Chromium, none on PATH); trying `npx playwright install chromium`.');
  const download = steps.playwrightInstall();
  const downloaded = download.ok ? steps.find() : undefined;
  if (downloaded) return { ok: true, chromium: downloaded };
  steps.say(`Playwright's Chromium could not be installed (${download.ok ? 'installed, yet not found' : download.reason}).`);

  const access = steps.apt();
  if (access === 'root' || access === 'sudo') {
    steps.say(`Installing Debian's chromium package (${access === 'sudo' ? 'sudo ' : ''}apt-get install -y chromium).`);
    const install = steps.aptInstall(access);
    const path = install.ok ? steps.aptInstalledPath() : undefined;
    if (path) return { ok: true, chromium: { source: 'system', path } };
    steps.say(`Debian's chromium could not be installed (${install.ok ? 'installed, yet not found' : install.reason}).`);
  }

  const command = access === 'needs-sudo' ? '`sudo apt-get install -y chromium`' : '`npx playwright install chromium` where it can download';
  return { ok: false, sentence: `No Chromium for the end-to-end tests: run ${command} (or set CHROMIUM_PATH to a Chromium or Chrome executable), then \`npm test\` again.` };
}

/** Where Debian's (chromium) and Ubuntu's (chromium-browser) packages put the browser. */
const packagedPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The steps on this machine. */
export function machineSteps(env: NodeJS.ProcessEnv = process.env): ProvisionSteps {
  const probes = machineProbes(env);
  return {
    find: () => findChromium(probes),
    isExecutableFile: probes.isExecutableFile,
    playwrightInstall: () => playwrightInstall(env),
    apt: () => aptAccess(env),
    aptInstall: (access) => aptInstall(access, env),
    aptInstalledPath: () => packagedPaths.find(probes.isExecutableFile) ?? findChromium(probes)?.path,
    say: (line) => console.log(`e2e: ${line}`),
  };
}

/**
 * `npx playwright install chromium`. Offline it fails within seconds; where the network swallows
 * packets, Playwright waits for a connection 10 s per attempt (instead of its 30 s) and the whole
 * install is given 10 minutes, enough for the ~300 MB on a slow line.
 */
function playwrightInstall(env: NodeJS.ProcessEnv): StepResult {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const run = spawnSync(process.execPath, [cli, 'install', 'chromium'], {
    env: { ...env, PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: env['PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT'] ?? '10000' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (run.error) return { ok: false, reason: run.error.message };
  if (run.status === 0) return { ok: true };
  // Its output is a progress line per attempt and a stack per failure: the first error says why.
  const firstError = `${run.stderr}\n${run.stdout}`.split('\n').find((line) => line.startsWith('Error: '));
  return { ok: false, reason: firstError?.slice('Error: '.length) ?? `exit code ${String(run.status)}` };
}

function aptAccess(env: NodeJS.ProcessEnv): AptAccess {
  if (process.platform !== 'linux' || !isDebianLike() || spawnSync('apt-get', ['--version'], { env, stdio: 'ignore' }).status !== 0) return 'absent';
  if (process.getuid?.() === 0) return 'root';
  return spawnSync('sudo', ['-n', 'true'], { env, stdio: 'ignore' }).status === 0 ? 'sudo' : 'needs-sudo';
}

function isDebianLike(): boolean {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

/** `apt-get install -y chromium`; when it fails (package lists never fetched or stale), once more after `apt-get update`. */
function aptInstall(access: 'root' | 'sudo', env: NodeJS.ProcessEnv): StepResult {
  const apt = (args: string[]) => {
    const argv = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    const [command, ...rest] = access === 'sudo' ? ['sudo', '-n', ...argv] : argv;
    return spawnSync(command as string, rest, { env, stdio: 'inherit', timeout: 1_200_000 });
  };
  const install = ['install', '-y', '-q', 'chromium'];
  if (apt(install).status === 0) return { ok: true };
  if (apt(['update', '-q']).status !== 0) return { ok: false, reason: 'apt-get update failed' };
  const retry = apt(install);
  return retry.status === 0 ? { ok: true } : { ok: false, reason: `apt-get install exited with ${String(retry.status ?? retry.signal)}` };
}
