import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { syncPageSchema, type AccountRow, type CreditRow, type MessageRow, type SubscriptionRow, type TicketRow } from '@shared/contract';
import { startBackendProcess, type BackendProcess } from '../support/backend-process';
import { readmeScreenshot } from '../support/readme-screenshots';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * Accounts, offline search and reports against web mode and a real backend process with a small
 * demo workspace. Expected figures are computed here from what the server serves, with plain
 * timestamp comparisons: an oracle independent of the renderer's code and of the policy engine.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let dataDir: string;
let backend: BackendProcess;
let web: WebMode;
let ws: Workspace;

interface Workspace {
  accounts: AccountRow[];
  subscriptions: SubscriptionRow[];
  tickets: TicketRow[];
  messages: MessageRow[];
  credits: CreditRow[];
}

async function serverWorkspace(): Promise<Workspace> {
  const w: Workspace = { accounts: [], subscriptions: [], tickets: [], messages: [], credits: [] };
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const query = cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await fetch(`${backend.url}/v1/sync?limit=5000${query}`, { headers: { Authorization: `Bearer ${backend.engineerToken}` } });
    expect(response.status).toBe(200);
    const parsed = syncPageSchema.parse(await response.json());
    for (const c of parsed.changes) {
      if (c.op !== 'upsert') continue;
      if (c.entity === 'account') w.accounts.push(c.row);
      else if (c.entity === 'subscription') w.subscriptions.push(c.row);
      else if (c.entity === 'ticket') w.tickets.push(c.row);
      else if (c.entity === 'message') w.messages.push(c.row);
      else if (c.entity === 'credit') w.credits.push(c.row);
    }
    cursor = parsed.cursor;
    if (!parsed.hasMore) {
      // History repeats open tickets on purpose: keep the last copy of each row.
      w.tickets = [...new Map(w.tickets.map((t) => [t.id, t])).values()];
      w.messages = [...new Map(w.messages.map((m) => [m.id, m])).values()];
      return w;
    }
  }
  throw new Error('the first sync did not end within 200 pages');
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = await mkdtemp(join(tmpdir(), 'views-e2e-'));
  backend = await startBackendProcess({ dataDir: join(dataDir, 'backend'), seed: 120 });
  web = await startWebMode({ backendUrl: backend.url, token: backend.engineerToken, dataDir: join(dataDir, 'web') });
  ws = await serverWorkspace();
});

test.afterAll(async () => {
  await web?.stop();
  await backend?.kill();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

async function openView(page: Page, label: 'Accounts' | 'Search' | 'Reports'): Promise<void> {
  if (!page.url().startsWith(web.origin)) {
    await page.goto(web.url);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  }
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: label, exact: true }).click();
}

/** Waits until the cache holds every ticket with a due instant that the server has. */
async function waitForFullSync(page: Page): Promise<void> {
  const withDue = ws.tickets.filter((t) => t.dueAt !== null).length;
  await openView(page, 'Reports');
  await expect(page.getByTestId('reports-view')).toHaveAttribute('data-tickets', String(withDue), { timeout: 90_000 });
}

const dollars = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

test('accounts: the list, and an account with its subscriptions, credits and tickets', async ({ page }) => {
  await waitForFullSync(page);
  await openView(page, 'Accounts');
  await expect(page.getByText(`${ws.accounts.length} of ${ws.accounts.length} accounts`)).toBeVisible();
  // The richest account: most subscriptions, then most tickets.
  const score = (a: AccountRow) => ws.subscriptions.filter((s) => s.accountId === a.id).length * 1000 + ws.tickets.filter((t) => t.accountId === a.id).length;
  const account = [...ws.accounts].sort((a, b) => score(b) - score(a))[0]!;
  const subs = ws.subscriptions.filter((s) => s.accountId === account.id);
  const tickets = ws.tickets.filter((t) => t.accountId === account.id);
  const now = Date.now();
  const toApply = ws.credits.filter((c) => c.accountId === account.id && Date.parse(c.appliesAt) > now);

  await page.getByLabel('Filter accounts').fill(account.holderEmail);
  await expect(page.getByTestId('account-row')).toHaveCount(1);
  await page.getByTestId('account-row').click();
  const detail = page.getByTestId('account-detail');
  await expect(detail).toHaveAttribute('data-account-id', account.id);
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(account.holderName);
  await expect(detail.getByTestId('subscription-card')).toHaveCount(subs.length);
  for (const sub of subs) {
    const card = detail.locator(`[data-subscription-id="${sub.id}"]`);
    await expect(card.getByTestId('subscription-price')).toHaveText(`${dollars(sub.monthlyPriceCents)} / month`);
    await expect(card.getByTestId('subscription-cycle')).toContainText(/^#\d+: /);
    if (sub.pendingDowngrade !== null) await expect(card.getByTestId('subscription-downgrade')).toContainText('to ');
    if (sub.entitlementWindows.length > 0) await expect(card.getByTestId('entitlement-windows').locator('li')).toHaveCount(sub.entitlementWindows.length);
  }
  await expect(detail.getByTestId('credits-total')).toHaveText(dollars(toApply.reduce((s, c) => s + c.cents, 0)));
  await expect(detail.getByTestId('account-ticket')).toHaveCount(tickets.length);

  const newest = [...tickets].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number)[0]!;
  await detail.getByTestId('account-ticket').first().click();
  await expect(page.getByTestId('ticket-view')).toHaveAttribute('data-ticket-id', newest.id);
});

// ---- reports ----

interface Expected {
  weeks: Map<string, Record<string, { met: number; breached: number }>>;
  breachesPerWeekday: number[];
  credits: Map<string, number>;
  breachCells: number;
}

function expectedReports(zone: string, now: number): Expected {
  const weeks: Expected['weeks'] = new Map();
  const perDay = [0, 0, 0, 0, 0, 0, 0];
  const cells = new Set<string>();
  for (const t of ws.tickets) {
    if (t.dueAt === null) continue;
    const due = Date.parse(t.dueAt);
    const reply = t.firstStaffReplyAt === null ? null : Date.parse(t.firstStaffReplyAt);
    const state = reply !== null ? (reply <= due ? 'met' : 'breached') : now > due ? 'breached' : 'running';
    if (state === 'running') continue;
    if (state === 'breached') {
      const at = DateTime.fromMillis(due, { zone });
      perDay[at.weekday - 1]! += 1;
      cells.add(`${at.weekday}-${at.hour}`);
    }
    if (t.plan === null) continue;
    const week = DateTime.fromISO(t.createdAt, { zone }).startOf('week').toISODate()!;
    const row = weeks.get(week) ?? { silver: { met: 0, breached: 0 }, gold: { met: 0, breached: 0 }, platinum: { met: 0, breached: 0 } };
    row[t.plan]![state] += 1;
    weeks.set(week, row);
  }
  const credits = new Map<string, number>();
  for (const c of ws.credits) {
    const zoneOf = ws.subscriptions.find((s) => s.id === c.subscriptionId)?.timeZone ?? 'UTC';
    const month = DateTime.fromISO(c.appliesAt, { zone: zoneOf }).toFormat('yyyy-MM');
    credits.set(month, (credits.get(month) ?? 0) + c.cents);
  }
  return { weeks, breachesPerWeekday: perDay, credits, breachCells: cells.size };
}

/** A ticket due within this of now could be judged either way by a page a minute behind. */
const EDGE_MS = 90_000;

async function settledNow(): Promise<number> {
  for (;;) {
    const now = Date.now();
    const edge = ws.tickets.filter((t) => t.dueAt !== null && t.firstStaffReplyAt === null && Math.abs(Date.parse(t.dueAt) - now) < EDGE_MS);
    if (edge.length === 0) return now;
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}

test('reports: charts drawn from the cache with the expected figures', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await waitForFullSync(page);
  const view = page.getByTestId('reports-view');
  const zone = (await view.getAttribute('data-zone'))!;
  const expected = expectedReports(zone, await settledNow());
  // The page recomputes once a minute: give it the minute that contains the settled instant.
  await page.waitForTimeout(1_000);

  const pct = (r: { met: number; breached: number }) => (r.met + r.breached === 0 ? '—' : `${Math.round((r.met / (r.met + r.breached)) * 1000) / 10}%`);
  const weeks = [...expected.weeks.keys()].sort().slice(-16);
  expect(weeks.length).toBeGreaterThan(0);
  await expect(view.getByTestId('attainment-table').locator('tbody tr')).toHaveCount(weeks.length);
  for (const week of weeks) {
    const row = view.getByTestId('attainment-table').locator(`tr[data-week="${week}"]`);
    for (const plan of ['silver', 'gold', 'platinum'] as const) {
      const r = expected.weeks.get(week)![plan]!;
      await expect(row.locator(`td[data-plan="${plan}"]`)).toHaveText(`${pct(r)} (${r.met}/${r.met + r.breached})`);
    }
  }
  await expect(view.getByTestId('weekday-total')).toHaveText(expected.breachesPerWeekday.map(String));
  const months = [...expected.credits.keys()].sort();
  await expect(view.getByTestId('credit-amount')).toHaveText(months.map((m) => dollars(expected.credits.get(m)!)));

  // The charts themselves: bars for attainment, one dot per weekday and hour with breaches, a bar per month.
  await expect(view.locator('[data-testid="report-attainment"] .recharts-bar-rectangle').first()).toBeVisible();
  await expect(view.locator('[data-testid="report-breaches"] .recharts-scatter-symbol')).toHaveCount(expected.breachCells);
  // A month whose credits all rounded to 0 cents has a bar of no height, which is not drawn.
  await expect(view.locator('[data-testid="report-credits"] .recharts-bar-rectangle')).toHaveCount(months.filter((m) => expected.credits.get(m)! > 0).length);
  await readmeScreenshot(view, 'reports');
});

// ---- search, offline ----

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
const words = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

test('search: finds a phrase from a message body with the backend stopped, and opens the ticket', async ({ page }) => {
  await waitForFullSync(page);
  // A phrase of four words from the middle of a customer message, as rare as the workspace allows.
  const contains = (text: string, phrase: string) => ` ${words(text).join(' ')} `.includes(` ${phrase} `);
  const ticketsWith = (phrase: string) =>
    new Set([...ws.tickets.filter((t) => contains(t.subject, phrase)).map((t) => t.id), ...ws.messages.filter((m) => contains(m.body, phrase)).map((m) => m.ticketId)]);
  let best: { phrase: string; tickets: Set<string> } | null = null;
  for (const m of ws.messages.filter((m) => m.authorKind === 'customer')) {
    const w = words(m.body);
    for (let i = 0; i + 4 <= w.length; i += 3) {
      const phrase = w.slice(i, i + 4).join(' ');
      const tickets = ticketsWith(phrase);
      if (best === null || tickets.size < best.tickets.size) best = { phrase, tickets };
    }
    if (best !== null && best.tickets.size === 1) break;
  }
  expect(best).not.toBeNull();
  const { phrase, tickets } = best!;

  await backend.kill();
  await openView(page, 'Search');
  await expect(page.getByTestId('search-index-status')).toHaveAttribute('data-index-state', 'ready', { timeout: 60_000 });
  // Indexed off the page's thread: the worker started under the app's Content-Security-Policy.
  await expect(page.getByTestId('search-index-status')).toHaveAttribute('data-index-where', 'worker');
  await page.getByLabel('Search subjects and messages').fill(`"${phrase}"`);
  const results = page.getByTestId('search-result');
  await expect(results).toHaveCount(Math.min(tickets.size, 50));
  const ids = await results.evaluateAll((els) => els.map((el) => el.getAttribute('data-ticket-id')));
  expect(new Set(ids)).toEqual(tickets);
  const first = results.first();
  const marked = new Set(words((await first.locator('mark').allTextContents()).join(' ')));
  expect(phrase.split(' ').filter((w) => !marked.has(w))).toEqual([]);
  expect(` ${words((await first.getByTestId('search-snippet').textContent())!).join(' ')} `).toContain(` ${phrase} `);
  const target = ws.tickets.find((t) => t.id === ids[0])!;
  await expect(first).toContainText(`#${target.number}`);
  await first.click();
  await expect(page.getByTestId('ticket-view')).toHaveAttribute('data-ticket-id', target.id);
});
