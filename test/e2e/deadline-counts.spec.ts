import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Database } from '../../src-backend/db/database';
import { openDatabase } from '../../src-backend/db/open-database';
import { createSmallWorkspace, type SmallWorkspace } from '../fixtures/small-workspace';
import { startInProcessBackend } from '../support/in-process-backend';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * The deadline counts in the window title and the header, against the real backend (in this
 * process, so tickets can be filed in the past and be breached for sure), the web-mode host and
 * the renderer build: a window shows them as soon as it loads, not at the next change.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const DAY = 86_400_000;
let root: string;
let db: Database;
let workspace: SmallWorkspace;
let backend: Awaited<ReturnType<typeof startInProcessBackend>>;
let web: WebMode;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = await mkdtemp(join(tmpdir(), 'e2e-deadline-counts-'));
  db = await openDatabase({ dataDir: null });
  workspace = await createSmallWorkspace(db);
  backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
  // Filed ten days ago and never answered: breached, unassigned, so the signed-in engineer's to watch.
  for (const subject of ['Invoices are empty', 'Export fails']) {
    await backend.center.fileTicket({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject, body: subject, source: 'email' }, new Date(Date.now() - 10 * DAY));
  }
  web = await startWebMode({ backendUrl: backend.url, token: workspace.tokens.ana, dataDir: join(root, 'web') });
});

test.afterAll(async () => {
  await web?.stop();
  await backend?.close();
  await db?.close();
  await rm(root, { recursive: true, force: true });
});

async function trackedByHost(): Promise<number> {
  try {
    // The index of the workspace the host is signed in to (the file keeps one per workspace).
    return Object.keys((JSON.parse(await readFile(join(root, 'web', 'notifier-state.json'), 'utf8')) as { current: { tickets: object } }).current.tickets).length;
  } catch {
    return 0;
  }
}

test('the title and the header show the breached tickets right after load, with no change to wait for', async ({ page }) => {
  await page.goto(web.url);
  await expect(page.locator('[data-app-state="ready"]')).toBeAttached();
  await expect(page).toHaveTitle('(2 breached) Support Agent', { timeout: 60_000 });
  await expect.poll(trackedByHost).toBe(2);

  // Nothing changes from here on: a window that loads now learns the counts only by asking.
  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeAttached();
  await expect(page).toHaveTitle('(2 breached) Support Agent', { timeout: 5_000 });
  await expect(page.locator('.nav-count')).toHaveText('2');
  await expect(page.locator('.nav-count')).toHaveAttribute('title', '2 breached, 0 approaching');
});
