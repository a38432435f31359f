import type { Locator, Page } from '@playwright/test';

/**
 * The README's screenshots (docs/screenshots/) are taken by `npm run screenshots`, which runs the
 * specs that reach each view with UPDATE_SCREENSHOTS=1. A plain test run writes nothing into the
 * repository: the shot is taken only once the spec has checked the state it shows.
 */
export const updatingScreenshots = process.env['UPDATE_SCREENSHOTS'] === '1';

export async function readmeScreenshot(target: Page | Locator, name: 'queue' | 'ticket' | 'reports'): Promise<void> {
  if (updatingScreenshots) await target.screenshot({ path: `docs/screenshots/${name}.png` });
}
