import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

/** Where the Chromium for browser tests came from. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'playwright' | 'system';

export interface FoundChromium {
  source: ChromiumSource;
  path: string;
}

/** What discovery looks at, injected so that its order is testable without touching the machine. */
export interface ChromiumProbes {
  env: Readonly<Record<string, string | undefined>>;
  /** Where Playwright's own Chromium is (or would be, once `npx playwright install chromium` ran). */
  playwrightExecutable: () => string;
  isExecutableFile: (path: string) => boolean;
}

/** The names a system Chromium or Chrome goes by on PATH, in the order they are preferred. */
const systemNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/**
 * The browser for the end-to-end tests and benchmarks, in this order: CHROMIUM_PATH, Playwright's own
 * Chromium when it has been downloaded, a system Chromium or Chrome on PATH. Undefined when there is
 * none (provisioning then installs one: test/support/chromium-provision.ts).
 */
export function findChromium(probes: ChromiumProbes): FoundChromium | undefined {
  // The engineer's explicit choice wins even when it names nothing: no other browser is tried
  // behind their back (provisioning says so; Playwright's launch error names the path).
  const override = probes.env['CHROMIUM_PATH'];
  if (override) return { source: 'CHROMIUM_PATH', path: override };
  const bundled = probes.playwrightExecutable();
  if (probes.isExecutableFile(bundled)) return { source: 'playwright', path: bundled };
  const dirs = (probes.env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of systemNames) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (probes.isExecutableFile(path)) return { source: 'system', path };
    }
  }
  return undefined;
}

/** The probes of this machine and process. */
export function machineProbes(env: NodeJS.ProcessEnv = process.env): ChromiumProbes {
  return { env, playwrightExecutable: () => chromium.executablePath(), isExecutableFile };
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Flags for a headless Chromium in a container: no sandbox, no GPU, nothing phoning home. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launch options for Playwright: Playwright's own Chromium is launched the way Playwright knows best
 * (no executablePath, which also lets it pick its headless shell); any other is named explicitly.
 * With no browser at all, Playwright's launch error names `npx playwright install`; `npm run test:e2e`
 * installs one before it gets there.
 */
export function launchOptionsFor(found: FoundChromium | undefined): { executablePath?: string; args: string[] } {
  if (found === undefined || found.source === 'playwright') return { args: [...chromiumArgs] };
  return { executablePath: found.path, args: [...chromiumArgs] };
}

/** Launch options for the Chromium this machine has (see findChromium). */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  return launchOptionsFor(findChromium(machineProbes()));
}
