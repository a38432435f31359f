import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBackendProcess, type BackendProcess } from '../support/backend-process';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * Web mode end to end: the real backend process, the real web-mode host (`npm run web`), the real
 * renderer build in Chromium. The cache is IndexedDB in the page, filled by the host's sync engine
 * over the WebSocket.
 */
const TICKETS = 120;

test.describe.configure({ mode: 'serial' });

let root: string;
let backend: BackendProcess;
let web: WebMode;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = await mkdtemp(join(tmpdir(), 'e2e-web-mode-'));
  backend = await startBackendProcess({ dataDir: join(root, 'backend'), seed: TICKETS, env: { DATABASE_URL: '' } });
  web = await startWebMode({ backendUrl: backend.url, token: backend.engineerToken, dataDir: join(root, 'web') });
});

test.afterAll(async () => {
  await web?.stop();
  await backend?.kill();
  await rm(root, { recursive: true, force: true });
});

function cachedTickets(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('support-agent');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('tickets')) return resolve(0);
          const count = db.transaction('tickets').objectStore('tickets').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(new Error(String(count.error)));
        };
      }),
  );
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('the printed address opens the app and the cache fills from the backend', async ({ page }) => {
  expect(web.demo).toBe(false);
  expect(web.backendUrl).toBe(backend.url);
  expect(new URL(web.url).hostname).toBe('127.0.0.1');
  const errors = collectErrors(page);
  const response = await page.goto(web.url);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expect(page.locator('[data-app-state="ready"]')).toBeAttached();
  // The secret leaves the address bar (kept in this tab's session storage).
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await expect.poll(() => cachedTickets(page), { timeout: 60_000 }).toBe(TICKETS);
  await expect(page.getByTestId('bridge-notice')).toHaveCount(0);
  // A reload finds the secret again and stays connected.
  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeAttached();
  // The host's sync status reaches this page only over the reconnected socket.
  await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 60_000 });
  await expect(page.getByTestId('bridge-notice')).toHaveCount(0);
  // Nothing the page needs is blocked by the CSP (the WebSocket included).
  expect(errors.filter((text) => /Content Security Policy|WebSocket/i.test(text))).toEqual([]);
});

test('without the secret the UI renders from the cache and says why nothing syncs', async ({ page }) => {
  await page.goto(web.origin);
  await expect(page.locator('[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('bridge-notice')).toContainText('Not connected to the Support Agent host');
});

test('a second tab takes over; the first says so', async ({ context }) => {
  const first = await context.newPage();
  await first.goto(web.url);
  await expect(first.locator('[data-app-state="ready"]')).toBeAttached();
  await expect.poll(() => cachedTickets(first), { timeout: 60_000 }).toBe(TICKETS);
  const second = await context.newPage();
  await second.goto(web.url);
  await expect(second.locator('[data-app-state="ready"]')).toBeAttached();
  await expect(first.getByTestId('bridge-notice')).toContainText('open in another tab');
  await expect(second.getByTestId('bridge-notice')).toHaveCount(0);
});

test('the tab reconnects after the host is killed and started again with the same secret', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(web.url);
  await expect(page.locator('[data-app-state="ready"]')).toBeAttached();
  await expect.poll(() => cachedTickets(page), { timeout: 60_000 }).toBe(TICKETS);
  const { port, secret } = web;
  await web.kill();
  await expect(page.getByTestId('bridge-notice')).toContainText('Lost the connection');
  web = await startWebMode({ dataDir: join(root, 'web'), port, secret });
  // No --backend: the session saved in the data folder is used again.
  expect(web.backendUrl).toBe(backend.url);
  await expect(page.getByTestId('bridge-notice')).toHaveCount(0, { timeout: 20_000 });
});
