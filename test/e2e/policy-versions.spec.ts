import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { syncPageSchema, ticketRowSchema, type TicketRow } from '@shared/contract';
import { presets } from '@shared/policy';
import { backendApi, startBackendProcess, type BackendProcess } from '../support/backend-process';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * Policy versions end to end: the workspace's hours change on the backend (as an admin would), a
 * ticket filed afterwards runs under the new version and one filed before keeps version 1; the
 * app shows each ticket's version beside its due instant, and the history in Settings.
 */
test.describe.configure({ mode: 'serial' });

let root: string;
let backend: BackendProcess;
let web: WebMode;
let older: TicketRow;
let newer: TicketRow;

function api(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return backendApi(backend, method, path, token, body);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = await mkdtemp(join(tmpdir(), 'e2e-policy-versions-'));
  backend = await startBackendProcess({ dataDir: join(root, 'backend'), seed: 40, env: { DATABASE_URL: '' } });
  const page = syncPageSchema.parse((await api('GET', '/v1/sync?limit=5000', backend.engineerToken)).json);
  const rows = page.changes.flatMap((c) => ('row' in c ? [c] : []));
  const tickets = rows.flatMap((c) => (c.entity === 'ticket' ? [c.row] : []));
  const accounts = rows.flatMap((c) => (c.entity === 'account' && c.row.status === 'active' ? [c.row] : []));
  const subscriptions = rows.flatMap((c) => (c.entity === 'subscription' ? [c.row] : []));
  // An open ticket of an account whose every subscription is under the plan-based SLA.
  const underPlanSla = (accountId: string) => subscriptions.filter((s) => s.accountId === accountId).every((s) => s.policyId === 'plan-sla');
  const pick = tickets.find((t) => t.policyId === 'plan-sla' && t.status === 'open' && underPlanSla(t.accountId) && accounts.some((a) => a.id === t.accountId));
  if (pick === undefined) throw new Error('the demo workspace has no open ticket under the plan-based SLA');
  older = pick;
  const account = accounts.find((a) => a.id === pick.accountId)!;

  const replaced = await api('PUT', '/v1/admin/policy', backend.adminToken, { effectiveFrom: 'now', policy: presets.planSla({ hours: { start: '08:00', end: '16:00' } }) });
  expect(replaced.status).toBe(200);
  const filed = await api('POST', '/v1/portal/tickets', backend.adminToken, {
    accountId: account.id, requesterName: account.holderName, requesterEmail: account.holderEmail, subject: 'Filed under the new hours', body: 'Checkout fails.',
  });
  expect(filed.status).toBe(201);
  newer = ticketRowSchema.parse(filed.json);
  web = await startWebMode({ backendUrl: backend.url, token: backend.engineerToken, dataDir: join(root, 'web') });
});

test.afterAll(async () => {
  await web?.stop();
  await backend?.kill();
  await rm(root, { recursive: true, force: true });
});

async function openTicket(page: Page, ticket: TicketRow): Promise<void> {
  await page.getByRole('button', { name: 'Queue' }).click();
  await page.getByLabel('Search the queue').fill(String(ticket.number));
  await page.locator(`[data-testid="queue-row"][data-ticket-id="${ticket.id}"]`).click();
  await expect(page.locator(`[data-testid="ticket-view"][data-ticket-id="${ticket.id}"]`)).toBeVisible();
}

test('a ticket shows the policy version it runs under, beside its due instant', async ({ page }) => {
  expect(older.policyVersion).toBe(1);
  expect(newer.policyVersion).toBe(2);
  await page.goto(web.url);
  await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 90_000 });

  await openTicket(page, newer);
  const line = page.getByTestId('sla-panel').getByTestId('ticket-policy-version');
  await expect(line).toHaveAttribute('data-policy-version', '2');
  await expect(line).toContainText(/Under Plan-based SLA, version 2 \(in force from .+\): the version in force when this ticket was created/);

  await openTicket(page, older);
  await expect(line).toHaveAttribute('data-policy-version', '1');
  await expect(line).toContainText('Under Plan-based SLA, version 1 (in force from the start)');
});

test('Settings shows each workspace policy’s history, read-only', async ({ page }) => {
  await page.goto(web.url);
  await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Settings' }).click();
  const history = page.locator('[data-testid="policy-history"][data-policy-id="plan-sla"]');
  const versions = history.getByTestId('policy-history-version');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toHaveAttribute('data-version', '2');
  await expect(versions.nth(0)).toContainText('in force');
  await expect(versions.nth(0)).toContainText('Monday: 09:00–17:00 → 08:00–16:00');
  await expect(versions.nth(1)).toContainText('the start');
  await expect(versions.nth(1)).toContainText('earlier');
  await expect(page.locator('[data-testid="policy-history"][data-policy-id="subscription-scope"]').getByTestId('policy-history-version')).toHaveCount(1);
  // The card above the history describes the version in force: the new hours.
  await expect(page.getByTestId('workspace-policy').first()).toContainText('Mon 08:00–16:00');
});
