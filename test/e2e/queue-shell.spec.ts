import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBackendProcess, type BackendProcess } from '../support/backend-process';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * The shell around the queue against the real stack: settings saved through the main process,
 * the theme, the workspace policy read-only, and the sync status in words when the backend
 * refuses the token or goes away.
 */

let backend: BackendProcess;
let web: WebMode;
const folders: string[] = [];

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  backend = await startBackendProcess({ dataDir: await folder('queue-shell-backend-'), seed: 200 });
  web = await startWebMode({ backendUrl: backend.url, token: backend.engineerToken, dataDir: await folder('queue-shell-web-') });
});

test.afterAll(async () => {
  await web?.stop();
  await backend?.kill();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function openSettings(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Settings' }).click();
}

test('settings: bad input is named and not saved; good input is kept by the main process', async ({ page }) => {
  await openSettings(page, web.url);
  const zone = page.locator('input[name="zone"]');
  const thresholds = page.locator('input[name="thresholds"]');
  await zone.fill('Mars/Olympus');
  await thresholds.fill('30, soon');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-field-error="zone"]')).toHaveText(/"Mars\/Olympus" is not a time zone/);
  await expect(page.locator('[data-field-error="thresholds"]')).toHaveText(/"soon" is not a whole number of minutes/);

  await zone.fill('Asia/Tokyo');
  await thresholds.fill('45, 15');
  await page.locator('input[name="quietHours"]').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // A reload asks the main process again: what it kept is what the form shows.
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(zone).toHaveValue('Asia/Tokyo');
  await expect(thresholds).toHaveValue('45, 15');
  await expect(page.locator('input[name="quietHours"]')).toBeChecked();
  // The queue's created column now reads in Tokyo time (UTC+9, no DST).
  await page.getByRole('button', { name: 'Queue' }).click();
  const created = page.getByTestId('queue-row').first().locator('.cell-created');
  await expect(created).toHaveAttribute('title', /GMT\+9/);
});

test('sign-in refuses a malformed backend address before asking anything', async ({ page }) => {
  await openSettings(page, web.url);
  await page.getByLabel('Backend URL').fill('ftp://example.com');
  await page.getByLabel('Sign-in code').fill('ABCDE-FGHJK');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Backend URL' })).toHaveText(/Backend URL: expected an http:\/\/ or https:\/\/ address/);
  await expect(page.getByTestId('session-summary')).toHaveText(new RegExp(`Connected to ${backend.url.replace(/[.]/g, '\\.')}`));
});

test('theme and the workspace policy, read-only', async ({ page }) => {
  await openSettings(page, web.url);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
  await page.getByLabel('Light').check();
  expect(await background()).toBe('#f5f6f8');
  await page.getByLabel('Dark').check();
  expect(await background()).toBe('#111418');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Settings' }).click();
  const policies = page.getByTestId('workspace-policy');
  await expect(policies.filter({ hasText: 'Plan-based SLA' })).toContainText('America/New_York: Mon 09:00–17:00');
  await expect(policies.filter({ hasText: 'Plan-based SLA' })).toContainText('Gold: 4 business hours; urgent 2 business hours');
  await expect(page.getByTestId('workspace-policy').locator('input, select, textarea')).toHaveCount(0);
});

test('a refused token asks the engineer to sign in', async ({ page }) => {
  const refused = await startWebMode({ backendUrl: backend.url, token: 'not-a-valid-token-at-all', dataDir: await folder('queue-shell-refused-') });
  try {
    await page.goto(refused.url);
    const status = page.getByTestId('sync-status');
    await expect(status).toHaveAttribute('data-sync-kind', 'unauthorized', { timeout: 60_000 });
    await expect(status).toHaveText(/^Not signed in: .+ Sign in$/);
    await status.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Backend and sign-in' })).toBeVisible();
  } finally {
    await refused.stop();
  }
});

test('backend gone: the offline banner says since when and when the next try is; the queue stays', async ({ page }) => {
  await page.goto(web.url);
  // This tab's cache starts empty while the host may still report the previous tab's finished
  // sync: wait for this tab's rows first, then for its sync to finish.
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 90_000 });
  const rows = await page.getByTestId('queue-row').count();
  expect(rows).toBeGreaterThan(0);
  await backend.kill();
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-sync-kind', 'offline', { timeout: 60_000 });
  // Since when, and when the next try is: a scheduled retry in the future ("Retrying now." shows
  // only for the moment the retry runs; "No retry is scheduled." would be the opposite).
  await expect(status).toHaveText(/^Offline since \d{1,2}:\d\d:\d\d [AP]M: showing the cached queue; your actions wait in the outbox\. Next retry at \d{1,2}:\d\d:\d\d [AP]M \(in \d+(d \d+h|h \d\dm|m \d\ds)\)\.$/);
  await expect(page.getByTestId('queue-row')).toHaveCount(rows);
});
