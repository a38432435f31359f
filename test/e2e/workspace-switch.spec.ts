import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { syncPageSchema, ticketRowSchema, type MessageRow, type TicketRow } from '@shared/contract';
import { startBackendProcess, type BackendProcess } from '../support/backend-process';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * One engineer, two workspaces: the embedded demo of web mode, and the team's backend (another
 * process, another database). Demo -> team -> demo, with an action typed offline on the demo in
 * between: the cache never shows one workspace's rows with the other's, the status bar says the
 * cache started afresh, and the demo's action is held, never sent to the team, and delivered to
 * the demo once the engineer is back there. Real backend processes, the real host, Chromium.
 */
const DEMO_TICKETS = 30;
const TEAM_TICKETS = 12;
const TEAM_ONLY = 'Only in the team workspace';

let root: string;
let team: BackendProcess;
let demoBackend: BackendProcess | null = null;
let web: WebMode | null = null;

/** The demo's tokens, shown at its first start only. */
let demoTokens: { engineerToken: string; adminToken: string };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = await mkdtemp(join(tmpdir(), 'e2e-workspace-switch-'));
  // A small demo: the demo folder seeded ahead (the embedded demo seeds thousands when it is empty).
  const seeding = await startBackendProcess({ dataDir: join(root, 'web', 'demo-backend'), seed: DEMO_TICKETS, env: { DATABASE_URL: '' } });
  demoTokens = { engineerToken: seeding.engineerToken, adminToken: seeding.adminToken };
  await stopGracefully(seeding);
  team = await startBackendProcess({ dataDir: join(root, 'team'), seed: TEAM_TICKETS, env: { DATABASE_URL: '' } });
  const account = (await changes(team.url, team.engineerToken)).find((c) => c.entity === 'account');
  const filed = await call(team.url, 'POST', '/v1/portal/tickets', team.adminToken, {
    accountId: account?.id,
    requesterName: 'Team Customer',
    requesterEmail: 'customer@team.example',
    subject: TEAM_ONLY,
    body: 'Filed on the team backend only.',
  });
  expect(filed.status, JSON.stringify(filed.json)).toBe(201);
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await web?.stop();
  await demoBackend?.kill();
  await team?.kill();
  await rm(root, { recursive: true, force: true });
});

async function stopGracefully(backend: BackendProcess): Promise<void> {
  const exited = once(backend.child, 'exit');
  backend.child.kill('SIGTERM');
  await exited;
}

async function call(base: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** Every upserted row a backend syncs, read through its API. */
async function changes(base: string, token: string): Promise<Array<{ entity: string; id: string; row: unknown }>> {
  const all: Array<{ entity: string; id: string; row: unknown }> = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { json } = await call(base, 'GET', `/v1/sync?limit=5000${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, token);
    const parsed = syncPageSchema.parse(json);
    for (const change of parsed.changes) if (change.op === 'upsert') all.push({ entity: change.entity, id: change.id, row: change.row });
    cursor = parsed.cursor;
    if (!parsed.hasMore) break;
  }
  return all;
}

async function messageBodies(base: string, token: string): Promise<string[]> {
  return (await changes(base, token)).filter((c) => c.entity === 'message').map((c) => (c.row as MessageRow).body);
}

/** The rows of one store of the page's cache (IndexedDB `support-agent`). */
function storeRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('support-agent');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve([]);
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
    store,
  ) as Promise<T[]>;
}

const cachedTickets = (page: Page) => storeRows<TicketRow>(page, 'tickets');

test('demo -> team -> demo: no rows mixed, the switch said in the status bar, the demo action held and delivered to the demo only', async ({ page }) => {
  test.setTimeout(420_000);
  const webDir = join(root, 'web');
  web = await startWebMode({ dataDir: webDir });
  expect(web.demo).toBe(true);
  const demoUrl = web.backendUrl;
  await page.goto(web.url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await cachedTickets(page)).length, { timeout: 120_000 }).toBeGreaterThanOrEqual(DEMO_TICKETS);
  await expect(page.getByTestId('workspace-notice')).toHaveCount(0);
  const target = ticketRowSchema.parse((await cachedTickets(page)).sort((a, b) => b.number - a.number)[0]);

  // The host goes (the demo with it); a reply is typed offline and waits in the outbox.
  const { port, secret } = web;
  await web.stop();
  web = null;
  await expect(page.getByTestId('bridge-notice')).toContainText('Lost the connection');
  const search = page.getByRole('searchbox', { name: 'Search the queue' });
  await search.fill(`#${target.number}`);
  await page.locator(`[data-testid="queue-row"][data-ticket-id="${target.id}"]`).click();
  const body = `Typed on the demo, offline (${Date.now()}).`;
  await page.getByRole('textbox', { name: 'Public reply' }).fill(body);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect.poll(async () => (await storeRows<{ status: string }>(page, 'outbox')).map((e) => e.status)).toEqual(['pending']);
  await page.locator('body').press('Escape');
  await page.locator('body').press('Escape');

  // Signed in to the team's backend (the host's --backend): another workspace.
  web = await startWebMode({ dataDir: webDir, port, secret, backendUrl: team.url, token: team.engineerToken });
  const notice = page.getByTestId('workspace-notice');
  await expect(notice).toContainText('Signed in to a different workspace: the cache was started afresh.', { timeout: 60_000 });
  await expect(notice).toContainText('1 unsent action of the previous workspace is held, not sent here');
  await expect.poll(async () => (await cachedTickets(page)).length, { timeout: 120_000 }).toBe(TEAM_TICKETS + 1);
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 60_000 });
  const teamView = await cachedTickets(page);
  const teamRows = (await changes(team.url, team.engineerToken)).filter((c) => c.entity === 'ticket');
  expect(teamView.map((t) => t.id).sort()).toEqual(teamRows.map((t) => t.id).sort());
  expect(teamView.map((t) => t.subject)).toContain(TEAM_ONLY);
  expect(await storeRows(page, 'outbox')).toEqual([]);
  expect(await storeRows(page, 'heldOutbox')).toHaveLength(1);
  expect(await messageBodies(team.url, team.engineerToken)).not.toContain(body);

  // Back to the demo: its workspace, at its address (its folder served by the backend), signed in from Settings.
  demoBackend = await startBackendProcess({ dataDir: join(webDir, 'demo-backend'), port: Number(new URL(demoUrl).port), env: { DATABASE_URL: '' }, tokens: demoTokens });
  expect(demoBackend.url).toBe(demoUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Backend URL').fill(demoUrl);
  await page.getByLabel('Sign-in code').fill(demoBackend.engineerToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(notice).toContainText('Signed in to a different workspace: the cache was started afresh.', { timeout: 60_000 });
  await expect(notice).toContainText('1 unsent action held for this workspace is being sent');
  await expect.poll(() => messageBodies(demoUrl, demoBackend?.engineerToken ?? ''), { timeout: 120_000 }).toContain(body);
  await expect.poll(async () => (await cachedTickets(page)).length, { timeout: 120_000 }).toBeGreaterThanOrEqual(DEMO_TICKETS);
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 60_000 });
  expect((await cachedTickets(page)).map((t) => t.subject)).not.toContain(TEAM_ONLY);
  expect((await messageBodies(demoUrl, demoBackend.engineerToken)).filter((b) => b === body)).toHaveLength(1);
  expect(await storeRows(page, 'heldOutbox')).toEqual([]);
  expect(await messageBodies(team.url, team.engineerToken)).not.toContain(body);
});
