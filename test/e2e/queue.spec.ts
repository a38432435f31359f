import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { OPEN_TICKET_STATUSES, type SyncPage, type TicketRow } from '@shared/contract';
import { firstResponseDue, slaStatus, type SupportPolicy } from '@shared/policy';
import { startBackendProcess, type BackendProcess } from '../support/backend-process';
import { readmeScreenshot } from '../support/readme-screenshots';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * The queue against the real stack: the reference backend in its own process (small seed), the
 * web-mode host syncing from it, the built renderer in Chromium. Expectations come from the
 * backend's data and the policy engine, never from the UI's own code.
 */

const SEED = 1_200;
let backend: BackendProcess;
let web: WebMode;
const folders: string[] = [];

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  // Seeding the backend and starting the host take a while on a busy machine.
  test.setTimeout(180_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'queue-e2e-backend-'));
  const webDir = await mkdtemp(join(tmpdir(), 'queue-e2e-web-'));
  folders.push(dataDir, webDir);
  backend = await startBackendProcess({ dataDir, seed: SEED });
  web = await startWebMode({ backendUrl: backend.url, token: backend.engineerToken, dataDir: webDir });
});

test.afterAll(async () => {
  await web?.stop();
  await backend?.kill();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

interface BackendView {
  tickets: Map<string, TicketRow>;
  policies: Map<string, SupportPolicy>;
  engineers: Map<string, string>;
}

/** Everything the backend serves, read through its own sync API (latest version of each row wins). */
async function readBackend(): Promise<BackendView> {
  const view: BackendView = { tickets: new Map(), policies: new Map(), engineers: new Map() };
  let cursor: string | null = null;
  for (;;) {
    const url = new URL('/v1/sync', backend.url);
    url.searchParams.set('limit', '5000');
    if (cursor !== null) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, { headers: { authorization: `Bearer ${backend.engineerToken}` } });
    expect(response.status, await response.clone().text()).toBe(200);
    const page = (await response.json()) as SyncPage;
    for (const change of page.changes) {
      if (change.op !== 'upsert') continue;
      if (change.entity === 'ticket') view.tickets.set(change.id, change.row);
      if (change.entity === 'policy') view.policies.set(change.id, change.row.policy);
      if (change.entity === 'engineer') view.engineers.set(change.id, change.row.name);
    }
    cursor = page.cursor;
    if (!page.hasMore) return view;
  }
}

async function engineerId(): Promise<string> {
  const response = await fetch(new URL('/v1/me', backend.url), { headers: { authorization: `Bearer ${backend.engineerToken}` } });
  const me = (await response.json()) as { engineerId?: string; id?: string; engineer?: { id: string } };
  const id = me.engineerId ?? me.engineer?.id ?? me.id;
  if (id === undefined) throw new Error(`GET /v1/me said ${JSON.stringify(me)}`);
  return id;
}

interface ShownRow {
  id: string;
  dueAt: string;
  state: string;
  urgent: boolean;
  selected: boolean;
}

/** Every row of the virtualized queue, scrolling it from top to bottom. */
async function allRows(page: Page): Promise<ShownRow[]> {
  return page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="queue-scroll"]');
    if (scroller === null) throw new Error('no queue on screen');
    const seen = new Map<string, { top: number; row: ShownRow }>();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    scroller.scrollTop = 0;
    await frame();
    for (;;) {
      for (const el of scroller.querySelectorAll<HTMLElement>('[data-testid="queue-row"]')) {
        const top = el.getBoundingClientRect().top + scroller.scrollTop;
        seen.set(el.dataset['ticketId'] ?? '', {
          top,
          row: {
            id: el.dataset['ticketId'] ?? '',
            dueAt: el.dataset['dueAt'] ?? '',
            state: el.dataset['slaState'] ?? '',
            urgent: el.dataset['urgent'] === 'true',
            selected: el.getAttribute('aria-selected') === 'true',
          },
        });
      }
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += scroller.clientHeight;
      await frame();
    }
    scroller.scrollTop = 0;
    return [...seen.values()].sort((a, b) => a.top - b.top).map((entry) => entry.row);
  });
}

/** Opens the app and waits until the whole open queue is cached and the first sync has finished. */
async function openQueue(page: Page): Promise<void> {
  const { tickets } = await readBackend();
  const open = [...tickets.values()].filter((t) => OPEN_TICKET_STATUSES.includes(t.status)).length;
  await page.goto(web.url);
  await expect(page.locator('#root[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('queue-count')).toHaveText(`${open.toLocaleString('en-US')} open tickets`, { timeout: 90_000 });
  // The host may still report the previous tab's idle status for a moment: wait for this sync's end.
  await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 90_000 });
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
}

function engineState(policy: SupportPolicy, ticket: TicketRow, nowMs: number): string {
  if (ticket.dueAt === null) return 'none';
  const status = slaStatus(policy, { dueAt: ticket.dueAt, firstStaffReplyAt: ticket.firstStaffReplyAt, now: new Date(nowMs).toISOString() });
  if (status.state === 'running' && status.crossedThresholdsMinutes.length > 0) return 'approaching';
  return status.state;
}

test('first launch: sync progress in the status bar, then the whole open queue', async ({ page }) => {
  // Records every text the status bar shows, however briefly: the first sync of a small seed is quick.
  await page.addInitScript(() => {
    const seen: Array<{ kind: string | null; text: string; value: number | null; max: number | null }> = [];
    (window as unknown as { syncSeen: typeof seen }).syncSeen = seen;
    const record = () => {
      const bar = document.querySelector('[data-testid="sync-status"]');
      if (bar === null) return;
      const progress = bar.querySelector('progress');
      const entry = { kind: bar.getAttribute('data-sync-kind'), text: bar.textContent ?? '', value: progress?.value ?? null, max: progress?.max ?? null };
      if (seen.at(-1)?.text !== entry.text) seen.push(entry);
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await openQueue(page);
  const seen = await page.evaluate(() => (window as unknown as { syncSeen: Array<{ kind: string; text: string; value: number | null; max: number | null }> }).syncSeen);
  const syncing = seen.filter((s) => s.kind === 'syncing');
  expect(syncing.length, JSON.stringify(seen)).toBeGreaterThan(0);
  // The first sync in words and as a progress bar part way through.
  const partWay = syncing.filter((s) => /^Syncing (open tickets first|ticket history) · [\d,]+ of [\d,]+ rows$/.test(s.text) && s.max !== null && (s.value ?? 0) < s.max);
  expect(partWay.length, JSON.stringify(syncing)).toBeGreaterThan(0);
  for (const s of syncing.filter((x) => x.max !== null && x.max > 1)) expect(s.value).toBeLessThanOrEqual(s.max ?? 0);
  expect(seen.at(-1)?.text).toMatch(/^Up to date · last sync \d{1,2}:\d{2}:\d{2} [AP]M$/);

  const { tickets } = await readBackend();
  const open = [...tickets.values()].filter((t) => OPEN_TICKET_STATUSES.includes(t.status));
  const shown = await allRows(page);
  expect(shown.map((r) => r.id).sort()).toEqual(open.map((t) => t.id).sort());
  await expect(page.getByTestId('queue-count')).toHaveText(`${open.length.toLocaleString('en-US')} open tickets`);
});

test('queue order: breached first, then by due instant; due instants and states are the engine’s', async ({ page }) => {
  await openQueue(page);
  const shown = await allRows(page);
  const nowMs = Date.now();
  const { tickets, policies } = await readBackend();
  for (const row of shown) {
    const ticket = tickets.get(row.id);
    if (ticket === undefined) throw new Error(`row ${row.id} is not a backend ticket`);
    const policy = policies.get(ticket.policyId);
    if (policy === undefined) throw new Error(`no policy ${ticket.policyId}`);
    // The exact instant the policy engine gives for this ticket, as the row carries it.
    const expectedDue = ticket.plan === null ? '' : firstResponseDue(policy, { createdAt: ticket.createdAt, plan: ticket.plan, urgent: ticket.urgent });
    expect(row.dueAt, `due instant of ${row.id}`).toBe(expectedDue);
    // States near a boundary may have moved between the page's read and this one.
    const nearEdge = ticket.dueAt !== null && Math.abs(Date.parse(ticket.dueAt) - nowMs) < 40 * 60_000;
    if (!nearEdge) expect(row.state, `SLA state of ${row.id}`).toBe(engineState(policy, ticket, nowMs));
  }
  const firstNotBreached = shown.findIndex((r) => r.state !== 'breached');
  expect(firstNotBreached, 'some breached tickets to order').toBeGreaterThan(0);
  expect(shown.slice(firstNotBreached).some((r) => r.state === 'breached'), 'every breached ticket comes first').toBe(false);
  const ascending = (rows: ShownRow[]) => rows.every((r, i) => i === 0 || Date.parse(r.dueAt) >= Date.parse((rows[i - 1] as ShownRow).dueAt));
  expect(ascending(shown.slice(0, firstNotBreached)), 'breached by due instant').toBe(true);
  const running = shown.filter((r) => r.state === 'running' || r.state === 'approaching');
  expect(running.length).toBeGreaterThan(0);
  expect(ascending(running), 'running by due instant').toBe(true);
});

test('countdowns tick on the shared clock and change state as time passes (fake clock)', async ({ page }) => {
  await page.clock.install();
  await openQueue(page);
  await page.getByLabel('SLA state').selectOption({ label: 'Running' });
  const row = page.getByTestId('queue-row').first();
  const id = await row.getAttribute('data-ticket-id');
  const dueMs = Date.parse((await row.getAttribute('data-due-at')) ?? '');
  const number = (await row.locator('.cell-number').textContent()) ?? '';
  // Keep just that ticket on screen whatever its state becomes.
  await page.getByLabel('SLA state').selectOption({ label: 'Any SLA state' });
  await page.getByLabel('Search the queue').fill(number);
  const target = page.locator(`[data-testid="queue-row"][data-ticket-id="${id}"]`);
  const countdown = target.getByTestId('countdown');
  await expect(target).toHaveAttribute('data-sla-state', 'running');
  const pageNow = await page.evaluate(() => Date.now());
  // 20 minutes before due: inside the 30-minute approach threshold of both presets.
  await page.clock.fastForward(dueMs - pageNow - 20 * 60_000);
  await expect(target).toHaveAttribute('data-sla-state', 'approaching');
  await expect(countdown).toHaveText(/Approaching(19m \d\ds|20m 00s)/);
  const before = await countdown.textContent();
  await page.clock.fastForward(5_000);
  await expect(countdown).not.toHaveText(before ?? '');
  await expect(countdown).toHaveText(/Approaching19m [45]\ds/);
  // Past due: breached, counting lateness.
  await page.clock.fastForward(21 * 60_000);
  await expect(target).toHaveAttribute('data-sla-state', 'breached');
  await expect(countdown).toHaveText(/Breached(0m|1m) \d\ds late/);
  // The due instant on hover: the engineer's zone and the calendar's.
  await expect(countdown).toHaveAttribute('title', /^Due .+\(.+\)\nBusiness calendar \(America\/New_York\): .+\n\d{4}-\d\d-\d\dT/);
});

test('urgent tickets stand out across the whole row', async ({ page }) => {
  await openQueue(page);
  await page.getByLabel('Urgent').selectOption({ label: 'Urgent' });
  const urgent = page.locator('[data-testid="queue-row"][data-urgent="true"]').first();
  await expect(urgent).toBeVisible();
  await expect(page.locator('[data-testid="queue-row"][data-urgent="false"]')).toHaveCount(0);
  await page.getByLabel('Urgent').selectOption({ label: 'Not urgent' });
  const plain = page.locator('[data-testid="queue-row"][data-urgent="false"]').first();
  await expect(plain).toBeVisible();
  const plainStyle = await plain.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, border: getComputedStyle(el).borderLeftColor, weight: getComputedStyle(el.children[2] as Element).fontWeight }));
  await page.getByLabel('Urgent').selectOption({ label: 'Urgent' });
  const urgentStyle = await urgent.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, border: getComputedStyle(el).borderLeftColor, weight: getComputedStyle(el.children[2] as Element).fontWeight }));
  expect(urgentStyle.bg).not.toBe(plainStyle.bg);
  expect(urgentStyle.border).not.toBe(plainStyle.border);
  // The subject cell too, not only the urgent column.
  expect(Number(urgentStyle.weight)).toBeGreaterThan(Number(plainStyle.weight));
});

test('filters: plan, SLA state, unassigned and mine, quick search', async ({ page }) => {
  await openQueue(page);
  const { tickets, engineers } = await readBackend();
  const open = [...tickets.values()].filter((t) => OPEN_TICKET_STATUSES.includes(t.status));
  const count = page.getByTestId('queue-count');

  await page.getByLabel('Plan', { exact: true }).selectOption({ label: 'Gold' });
  const gold = open.filter((t) => t.plan === 'gold').length;
  await expect(count).toHaveText(`${gold} of ${open.length} open tickets`);
  await expect(page.getByTestId('queue-row').locator('.plan-chip').filter({ hasNotText: 'Gold' })).toHaveCount(0);
  await page.getByLabel('Plan', { exact: true }).selectOption({ label: 'Any plan' });

  await page.getByLabel('SLA state').selectOption({ label: 'Breached' });
  const states = (await allRows(page)).map((r) => r.state);
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(['breached']));
  await page.getByLabel('SLA state').selectOption({ label: 'Any SLA state' });

  await page.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
  await expect(count).toHaveText(`${open.filter((t) => t.assigneeId === null).length} of ${open.length} open tickets`);
  await page.getByLabel('Assignee').selectOption({ label: 'Mine' });
  const me = await engineerId();
  const mine = open.filter((t) => t.assigneeId === me);
  await expect(count).toHaveText(`${mine.length} of ${open.length} open tickets`);
  if (mine.length > 0) await expect(page.locator('.cell-assignee').first()).toHaveText(engineers.get(me) ?? '');
  await page.getByLabel('Assignee').selectOption({ label: 'Anyone' });

  const pick = open[Math.floor(open.length / 2)] as TicketRow;
  await page.getByLabel('Search the queue').fill(`#${pick.number}`);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toHaveAttribute('data-ticket-id', pick.id);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(`${open.length} open tickets`);
});

test('keyboard: j / k move, Enter opens, Escape goes back, / searches, ? helps, c claims, r replies', async ({ page }) => {
  await openQueue(page);
  const rows = page.getByTestId('queue-row');
  const selected = page.locator('[data-testid="queue-row"][aria-selected="true"]');
  await page.keyboard.press('j');
  await expect(selected).toHaveAttribute('data-ticket-id', (await rows.nth(0).getAttribute('data-ticket-id')) ?? '');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  const second = (await rows.nth(1).getAttribute('data-ticket-id')) ?? '';
  await expect(selected).toHaveAttribute('data-ticket-id', second);

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queue-scroll')).toHaveCount(0);
  await expect(page.locator('.ticket-view')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(selected).toHaveAttribute('data-ticket-id', second);

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toBeHidden();

  await page.keyboard.press('/');
  await expect(page.getByLabel('Search the queue')).toBeFocused();
  await page.keyboard.type('zzzz-no-such-ticket');
  await expect(rows).toHaveCount(0);
  await page.keyboard.press('Escape');
  // Escape leaves the field (and a search field clears itself on Escape): the queue is back.
  await expect(page.getByLabel('Search the queue')).not.toBeFocused();
  await expect(rows.first()).toBeVisible();

  // c: claim an unassigned ticket through the outbox; the backend ends up assigning it to me.
  await page.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
  await page.keyboard.press('j');
  const claimed = (await selected.getAttribute('data-ticket-id')) ?? '';
  await page.keyboard.press('c');
  await expect(page.getByTestId('queue-message')).toHaveText(/^Claimed #\d+/);
  await expect(page.locator(`[data-testid="queue-row"][data-ticket-id="${claimed}"]`)).toHaveCount(0);
  const me = await engineerId();
  await expect.poll(async () => (await readBackend()).tickets.get(claimed)?.assigneeId, { timeout: 30_000 }).toBe(me);
  await page.getByLabel('Assignee').selectOption({ label: 'Mine' });
  await expect(page.locator(`[data-testid="queue-row"][data-ticket-id="${claimed}"]`)).toHaveCount(1);

  // r: the ticket opens with the reply composer focused.
  await page.keyboard.press('j');
  await page.keyboard.press('r');
  await expect(page.locator('.ticket-view')).toBeVisible();
  await expect(page.locator('.ticket-view textarea:focus')).toHaveCount(1);
});

// Runs in every test run; only `npm run screenshots` writes docs/screenshots/queue.png.
test('screenshot of the queue for the README: the first row selected at 1440 x 900', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openQueue(page);
  await page.keyboard.press('j');
  const first = (await page.getByTestId('queue-row').first().getAttribute('data-ticket-id')) ?? '';
  await expect(page.locator('[data-testid="queue-row"][aria-selected="true"]')).toHaveAttribute('data-ticket-id', first);
  await readmeScreenshot(page, 'queue');
});
