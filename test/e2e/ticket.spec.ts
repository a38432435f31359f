import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  loginDetailRowSchema,
  mutationBatchResponseSchema,
  syncPageSchema,
  ticketRowSchema,
  type AccountRow,
  type FileTicket,
  type MessageRow,
  type ProductRow,
  type SubscriptionRow,
  type TicketRow,
} from '@shared/contract';
import { freeTermCheck } from '@shared/policy';
import { backendApi, startBackendProcess, type BackendProcess } from '../support/backend-process';
import { readmeScreenshot, updatingScreenshots } from '../support/readme-screenshots';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * The ticket view against web mode and a real backend process: every case is a ticket filed
 * through the portal API for a demo account that has the property under test.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let dataDir: string;
let backend: BackendProcess;
let web: WebMode;
let demo: DemoAccounts;

// ---- the backend, over HTTP ----

function api(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return backendApi(backend, method, path, token, body);
}

interface Workspace {
  accounts: AccountRow[];
  subscriptions: SubscriptionRow[];
  products: ProductRow[];
  tickets: Map<string, TicketRow>;
  messages: MessageRow[];
}

/** A whole first sync as the engineer: what the server holds, to find cases and to count deliveries. */
async function serverWorkspace(): Promise<Workspace> {
  const ws: Workspace = { accounts: [], subscriptions: [], products: [], tickets: new Map(), messages: [] };
  let cursor: string | undefined;
  for (let page = 0; page < 500; page++) {
    const query = cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const { status, json } = await api('GET', `/v1/sync?limit=5000${query}`, backend.engineerToken);
    expect(status).toBe(200);
    const parsed = syncPageSchema.parse(json);
    for (const c of parsed.changes) {
      if (c.op !== 'upsert') continue;
      if (c.entity === 'account') ws.accounts.push(c.row);
      else if (c.entity === 'subscription') ws.subscriptions.push(c.row);
      else if (c.entity === 'product') ws.products.push(c.row);
      else if (c.entity === 'ticket') ws.tickets.set(c.row.id, c.row);
      else if (c.entity === 'message') ws.messages.push(c.row);
    }
    cursor = parsed.cursor;
    if (!parsed.hasMore) return ws;
  }
  throw new Error('the first sync did not end within 500 pages');
}

interface DemoAccounts {
  gold: AccountRow;
  platinum: AccountRow;
  freeTermAbuser: AccountRow;
  presetBLapsed: AccountRow;
  presetBEntitled: AccountRow;
  product: ProductRow;
}

function findCase(ws: Workspace, what: string, test: (s: SubscriptionRow, a: AccountRow) => boolean): AccountRow {
  for (const s of ws.subscriptions) {
    const account = ws.accounts.find((a) => a.id === s.accountId);
    if (account !== undefined && account.status === 'active' && test(s, account)) return account;
  }
  throw new Error(`the demo workspace has no ${what} account`);
}

function demoAccounts(ws: Workspace): DemoAccounts {
  const now = Date.now();
  const plain = (s: SubscriptionRow) => s.cancelAt === null && s.pendingDowngrade === null && s.changes.length === 0 && s.freeTerm === null;
  const covered = (s: SubscriptionRow) => s.entitlementWindows.some((w) => Date.parse(w.start) <= now && now < Date.parse(w.end));
  const priorUses = (s: SubscriptionRow) =>
    ws.subscriptions
      .filter((o) => o.accountId !== s.accountId && o.freeTerm !== null && o.freeTerm.startedAt < (s.freeTerm?.startedAt ?? ''))
      .map((o) => {
        const holder = ws.accounts.find((a) => a.id === o.accountId)!;
        return { accountId: o.accountId, holderEmail: holder.holderEmail, organization: holder.organization, usedAt: o.freeTerm!.startedAt };
      });
  return {
    gold: findCase(ws, 'plain Gold', (s) => s.policyId === 'plan-sla' && s.plan === 'gold' && plain(s)),
    platinum: findCase(ws, 'Platinum', (s) => s.policyId === 'plan-sla' && s.plan === 'platinum' && s.cancelAt === null),
    freeTermAbuser: findCase(ws, 'free-term abuse', (s, a) => s.freeTerm !== null && freeTermCheck({ candidate: a, priorUses: priorUses(s) }).abuse),
    presetBLapsed: findCase(ws, 'lapsed Preset B', (s) => s.policyId === 'subscription-scope' && !covered(s)),
    presetBEntitled: findCase(ws, 'entitled Preset B', (s) => s.policyId === 'subscription-scope' && covered(s)),
    product: ws.products.find((p) => !p.discontinued)!,
  };
}

async function fileTicket(account: AccountRow, extra: Partial<FileTicket> = {}): Promise<TicketRow> {
  const { status, json } = await api('POST', '/v1/portal/tickets', backend.adminToken, {
    accountId: account.id,
    requesterName: account.holderName,
    requesterEmail: account.holderEmail,
    subject: 'Invoices do not show up',
    body: 'Since this morning the invoice list stays empty.',
    ...extra,
  });
  expect(status, JSON.stringify(json)).toBe(201);
  return ticketRowSchema.parse(json);
}

async function claim(ticketId: string): Promise<void> {
  const { status, json } = await api('POST', '/v1/mutations', backend.engineerToken, { mutations: [{ kind: 'claim', idempotencyKey: `e2e-claim-${ticketId}`, ticketId }] });
  expect(status).toBe(200);
  expect(mutationBatchResponseSchema.parse(json).results[0]).toMatchObject({ ok: true });
}

// ---- the UI ----

async function openApp(page: Page): Promise<void> {
  await page.goto(web.url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
}

/** Opens a ticket the way an engineer does: the quick search, then a click on its row. */
async function openTicket(page: Page, ticket: TicketRow): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search the queue' });
  await expect(search).toBeVisible({ timeout: 60_000 });
  await search.fill(`#${ticket.number}`);
  const row = page.locator(`[data-testid="queue-row"][data-ticket-id="${ticket.id}"]`);
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.click();
  await expect(page.locator(`[data-testid="ticket-view"][data-ticket-id="${ticket.id}"]`)).toBeVisible();
}

/** Escape leaves a field first, then the ticket. */
async function backToQueue(page: Page): Promise<void> {
  await page.locator('body').press('Escape');
  if (await page.getByTestId('ticket-view').isVisible()) await page.locator('body').press('Escape');
  await expect(page.getByTestId('ticket-view')).toHaveCount(0);
}

function flag(page: Page, kind: string) {
  return page.locator(`[data-testid="policy-flag"][data-flag-kind="${kind}"]`);
}

// ---- lifecycle ----

test.beforeAll(async () => {
  // Seeding the backend and the host's first start take a while on a busy machine.
  test.setTimeout(180_000);
  dataDir = await mkdtemp(join(tmpdir(), 'ticket-e2e-'));
  backend = await startBackendProcess({ dataDir: join(dataDir, 'backend'), seed: 150 });
  demo = demoAccounts(await serverWorkspace());
  web = await startWebMode({ backendUrl: backend.url, token: backend.engineerToken, dataDir: join(dataDir, 'web') });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await web?.stop();
  await backend?.kill();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

// ---- the cases ----

test('history offline, and a reply written offline delivered exactly once when the backend returns', async ({ page }) => {
  const ticket = await fileTicket(demo.gold, { subject: 'Checkout button greyed out', body: 'Customers cannot pay since the update.' });
  await openApp(page);
  await openTicket(page, ticket);
  const conversation = page.getByTestId('conversation');
  await expect(conversation.getByTestId('message').filter({ hasText: 'Customers cannot pay since the update.' })).toHaveAttribute('data-visibility', 'public');
  await expect(page.getByTestId('sla-panel')).toHaveAttribute('data-sla-state', /running|approaching|breached/);

  await backend.kill();
  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await openTicket(page, ticket);
  await expect(conversation.getByTestId('message').filter({ hasText: 'Customers cannot pay since the update.' })).toBeVisible();

  const body = `We are looking into it (offline reply ${Date.now()}).`;
  await page.getByRole('textbox', { name: 'Public reply' }).fill(body);
  await page.getByRole('button', { name: 'Send reply' }).click();
  const mine = conversation.getByTestId('message').filter({ hasText: body });
  await expect(mine).toHaveAttribute('data-delivery', /pending|sending/);
  await expect(page.getByTestId('sla-reply-queued')).toBeVisible();

  const note = `Internal: customer is on 3.11 (${Date.now()}).`;
  await page.getByRole('radio', { name: 'Internal note' }).click();
  await page.getByRole('textbox', { name: 'Internal note' }).fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(conversation.getByTestId('message').filter({ hasText: note })).toHaveAttribute('data-visibility', 'internal');

  backend = await startBackendProcess({ dataDir: join(dataDir, 'backend'), port: backend.port, tokens: backend });
  await expect(mine).toHaveAttribute('data-delivery', 'synced', { timeout: 90_000 });
  await expect(page.getByTestId('sla-panel')).toHaveAttribute('data-sla-state', /met|breached/);
  await expect(page.getByTestId('sla-reply-queued')).toHaveCount(0);

  const server = await serverWorkspace();
  const delivered = server.messages.filter((m) => m.ticketId === ticket.id && m.body === body);
  expect(delivered).toHaveLength(1);
  expect(delivered[0]).toMatchObject({ authorKind: 'staff', public: true });
  expect(server.messages.filter((m) => m.ticketId === ticket.id && m.body === note)).toEqual([expect.objectContaining({ public: false })]);
  expect(server.tickets.get(ticket.id)?.firstStaffReplyAt).toBe(delivered[0]!.createdAt);
  await expect(conversation.getByTestId('message').filter({ hasText: body })).toHaveCount(1);
});

test('policy flags: holder, cancel request with the suggested reply, free term, Platinum urgent, entitlement', async ({ page }) => {
  const clean = await fileTicket(demo.gold);
  const cancel = await fileTicket(demo.gold, { requesterName: 'Office Assistant', requesterEmail: 'assistant@elsewhere.example', subject: 'Please cancel my subscription', body: 'We want to cancel the subscription at the end of the month.' });
  const abuse = await fileTicket(demo.freeTermAbuser);
  const urgent = await fileTicket(demo.platinum, { urgent: true, subject: 'Shop is down' });
  const lapsed = await fileTicket(demo.presetBLapsed, { productId: demo.product.id, productVersion: demo.product.latestStableVersion });
  await openApp(page);

  await openTicket(page, clean);
  await expect(page.getByTestId('sla-panel')).toBeVisible();
  await expect(page.getByTestId('policy-flag')).toHaveCount(0);
  await backToQueue(page);

  await openTicket(page, cancel);
  await expect(flag(page, 'requester-not-holder')).toContainText('assistant@elsewhere.example');
  await expect(flag(page, 'asks-to-cancel')).toBeVisible();
  await page.getByTestId('insert-cancellation-reply').click();
  const composer = page.getByRole('textbox', { name: 'Public reply' });
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue(/manage-purchases page: https?:\/\//);
  await backToQueue(page);

  await openTicket(page, abuse);
  await expect(flag(page, 'free-term-reused')).toContainText('Second use of the free Silver term');
  await backToQueue(page);

  await openTicket(page, urgent);
  await expect(flag(page, 'urgent-not-applicable')).toContainText('Platinum');
  await expect(page.getByTestId('sla-explanation')).toContainText('The urgent flag does not apply');
  await backToQueue(page);

  await openTicket(page, lapsed);
  await expect(flag(page, 'not-entitled')).toContainText('Subscription not valid at creation');
  await expect(page.getByTestId('eligibility-verdict')).toHaveAttribute('data-verdict', 'not-eligible');
  await expect(page.getByTestId('failed-item').first()).toContainText('Subscription valid at creation');

  // Back in the queue the ticket stays selected; "r" opens it with the reply composer focused.
  await backToQueue(page);
  await page.locator('body').press('r');
  await expect(page.locator(`[data-testid="ticket-view"][data-ticket-id="${lapsed.id}"]`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Public reply' })).toBeFocused();
});

test('eligibility checklist: auto items filled, answers and category through the outbox, verdict with failed items quoted', async ({ page }) => {
  const ticket = await fileTicket(demo.presetBEntitled, {
    subject: 'How do I export invoices to CSV?',
    body: 'Is there a way to export all invoices to a CSV file for our accounting software?',
    productId: demo.product.id,
    productVersion: demo.product.latestStableVersion,
  });
  await openApp(page);
  await openTicket(page, ticket);
  const item = (id: string) => page.locator(`[data-testid="checklist-item"][data-item="${id}"]`);
  const verdict = page.getByTestId('eligibility-verdict');
  await expect(item('subscription-valid')).toHaveAttribute('data-status', 'pass');
  await expect(item('latest-version')).toHaveAttribute('data-status', 'pass');
  await expect(item('not-from-forum')).toHaveAttribute('data-status', 'pass');
  await expect(verdict).toHaveAttribute('data-verdict', 'needs-engineer-check');

  for (const id of ['code-not-customized', 'data-not-modified', 'addons-purchased']) {
    await item(id).getByRole('button', { name: 'Yes' }).click();
    await expect(item(id)).toHaveAttribute('data-status', 'pass');
  }
  const suggestion = page.getByTestId('scope-suggestion').first();
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(item('in-scope')).toHaveAttribute('data-status', 'pass');
  await expect(verdict).toHaveAttribute('data-verdict', 'eligible');

  await item('code-not-customized').getByRole('button', { name: 'No' }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'not-eligible');
  await expect(verdict.getByTestId('failed-item')).toHaveText([/Code not customized/]);

  // The answers reached the backend, which stored the same verdict.
  await expect
    .poll(async () => (await serverWorkspace()).tickets.get(ticket.id)?.eligibility, { timeout: 60_000 })
    .toEqual({ kind: 'not-eligible', failed: ['code-not-customized'] });
});

test('login details: metadata only, reveal asks the backend, purge on the customer request', async ({ page }) => {
  const ticket = await fileTicket(demo.gold, { subject: 'Shop admin login attached', body: 'Here is the admin login so you can look. Please delete it afterwards.' });
  const submitted = await api('POST', `/v1/portal/tickets/${ticket.id}/login-details`, backend.adminToken, { label: 'Shop admin', secret: 'correct-horse-42' });
  expect(submitted.status).toBe(201);
  const detail = loginDetailRowSchema.parse(submitted.json);
  await claim(ticket.id);
  await openApp(page);
  await openTicket(page, ticket);

  const row = page.locator(`[data-testid="login-detail"][data-login-detail-id="${detail.id}"]`);
  await expect(row).toContainText('Shop admin');
  await expect(page.getByTestId('revealed-secret')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('correct-horse-42');
  await page.getByRole('textbox', { name: 'Public reply' }).fill('Thanks, I can log in now and will purge the login when done.');
  // Tall enough for every panel: the app scrolls inside its main area, which a full-page shot misses.
  if (updatingScreenshots) await page.setViewportSize({ width: 1280, height: 1000 });
  await readmeScreenshot(page, 'ticket');

  await row.getByRole('button', { name: 'Reveal' }).click();
  await expect(row.getByTestId('revealed-secret')).toHaveText('correct-horse-42');

  await row.getByRole('button', { name: 'Purge' }).click();
  await row.getByRole('button', { name: 'Confirm purge' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('conversation')).toContainText('"Shop admin" purged', { timeout: 60_000 });
  const reveal = await api('POST', `/v1/login-details/${detail.id}/reveal`, backend.engineerToken);
  expect(reveal.status).toBe(404);
  await expect(row).toHaveCount(0);
});

test('an action the server refuses is shown with its reason, and can be dismissed', async ({ page }) => {
  const ticket = await fileTicket(demo.gold, { subject: 'Closed while typing', body: 'Never mind, it works again.' });
  await openApp(page);
  await openTicket(page, ticket);
  // Another engineer closes the ticket meanwhile; the close syncs into the open view.
  const closed = await api('POST', '/v1/mutations', backend.engineerToken, { mutations: [{ kind: 'status', idempotencyKey: `e2e-close-${ticket.id}`, ticketId: ticket.id, status: 'closed' }] });
  expect(closed.status).toBe(200);
  await expect(page.getByTestId('ticket-status')).toHaveText('closed', { timeout: 60_000 });

  await page.getByRole('textbox', { name: 'Public reply' }).fill('Glad to hear it!');
  await page.getByRole('button', { name: 'Send reply' }).click();
  const refused = page.getByTestId('rejected-action');
  await expect(refused).toContainText('Public reply not delivered', { timeout: 60_000 });
  await expect(refused).toContainText(`ticket ${ticket.number} is closed (conflict)`);
  await expect(refused).toContainText('Glad to hear it!');
  await expect(page.getByTestId('conversation').getByTestId('message').filter({ hasText: 'Glad to hear it!' })).toHaveCount(0);
  await refused.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refused).toHaveCount(0);
});

/** Until when the web host's notifier holds each ticket's notifications, as saved in its data folder. */
async function savedSnoozes(): Promise<Record<string, number>> {
  // The index of the workspace the host is signed in to (the file keeps one per workspace).
  return (JSON.parse(await readFile(join(dataDir, 'web', 'notifier-state.json'), 'utf8')) as { current: { snoozes: Record<string, number> } }).current.snoozes;
}

test('snooze: from the ticket view and the queue key; the end shows on the ticket and in the queue, and outlives a restart', async ({ page }) => {
  const viaTicket = await fileTicket(demo.gold, { subject: 'Snoozed from the ticket view', body: 'Nothing urgent.' });
  const viaKey = await fileTicket(demo.gold, { subject: 'Snoozed from the queue', body: 'Nothing urgent either.' });
  await openApp(page);

  // The ticket view: an hour.
  await openTicket(page, viaTicket);
  const panel = page.getByTestId('snooze-panel');
  await expect(panel).toHaveAttribute('data-snoozed-until', '');
  const before = Date.now();
  await panel.getByRole('button', { name: '1 hour', exact: true }).click();
  await expect(panel.getByTestId('snooze-state')).toContainText('Snoozed until');
  const until = (await panel.getAttribute('data-snoozed-until')) ?? '';
  // The host's time is this machine's here, give or take the measured skew.
  expect(Date.parse(until) - before).toBeGreaterThan(3_600_000 - 2_000);
  expect(Date.parse(until) - Date.now()).toBeLessThan(3_600_000 + 2_000);
  await expect(panel.locator('time')).toHaveAttribute('datetime', until);
  await expect(panel.locator('time')).toHaveText(/\d\d:\d\d/);
  expect((await savedSnoozes())[viaTicket.id]).toBe(Date.parse(until));

  // The queue marks it, with the end on hover and for screen readers.
  await backToQueue(page);
  const mark = page.locator(`[data-testid="queue-row"][data-ticket-id="${viaTicket.id}"]`).getByTestId('snooze-mark');
  await expect(mark).toHaveAttribute('data-snoozed-until', until);
  await expect(mark).toHaveAttribute('aria-label', /^Deadline notifications snoozed until .+ \d{1,2}:\d\d [AP]M/);
  await expect(mark).toHaveAttribute('title', (await mark.getAttribute('aria-label')) ?? '');

  // The queue key: s snoozes the selected ticket for an hour, s again lifts it.
  await openTicket(page, viaKey);
  await backToQueue(page);
  const keyRow = page.locator(`[data-testid="queue-row"][data-ticket-id="${viaKey.id}"]`);
  await expect(keyRow).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('s');
  await expect(page.getByTestId('queue-message')).toContainText(new RegExp(`^Snoozed the deadline notifications of #${viaKey.number} until .+ \\d{1,2}:\\d\\d [AP]M`));
  await expect(keyRow.getByTestId('snooze-mark')).toHaveAttribute('data-snoozed-until', /^\d{4}-\d\d-\d\dT/);
  expect((await savedSnoozes())[viaKey.id]).toBe(Date.parse((await keyRow.getByTestId('snooze-mark').getAttribute('data-snoozed-until')) ?? ''));
  await page.locator('body').press('s');
  await expect(page.getByTestId('queue-message')).toContainText(`Un-snoozed #${viaKey.number}`);
  await expect(keyRow.getByTestId('snooze-mark')).toHaveCount(0);
  expect((await savedSnoozes())[viaKey.id]).toBeUndefined();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Snooze the selected ticket’s deadline notifications');
  await page.keyboard.press('Escape');

  // The host restarts (same data folder, same address): the snooze is still there, and can be lifted.
  const { port, secret } = web;
  await web.stop();
  web = await startWebMode({ backendUrl: backend.url, token: backend.engineerToken, dataDir: join(dataDir, 'web'), port, secret });
  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await openTicket(page, viaTicket);
  await expect(panel).toHaveAttribute('data-snoozed-until', until);
  await panel.getByRole('button', { name: 'Un-snooze' }).click();
  await expect(panel).toHaveAttribute('data-snoozed-until', '');
  await expect(panel.getByRole('group', { name: 'Snooze deadline notifications' })).toBeVisible();
  expect((await savedSnoozes())[viaTicket.id]).toBeUndefined();
});

