import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Playwright's own Chromium when it has been downloaded, otherwise a system
 * Chromium (offline machines cannot download browsers). CHROMIUM_PATH overrides.
 */
export function chromiumExecutable(): string {
  const override = process.env['CHROMIUM_PATH'];
  if (override) return override;
  const bundled = chromium.executablePath();
  if (existsSync(bundled)) return bundled;
  return '/usr/bin/chromium';
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
